import { AjvCompiler } from '@fastify/ajv-compiler';
import type { FastifyServerOptions } from 'fastify';
import { parseTimestamp } from '../../domain/timestamp.js';

/** A canonical UUID: 8-4-4-4-12 hex digits, nothing around it (ajv's format also takes `urn:uuid:`). */
export const CANONICAL_UUID =
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

interface AjvLike {
  addFormat(name: string, format: RegExp | ((value: string) => boolean)): unknown;
}

const BASE_OPTIONS = {
  removeAdditional: false,
  useDefaults: true,
} as const;

/** Formats checked the way the database will read them: real instants in range, canonical UUIDs. */
function strictFormats(ajv: AjvLike): void {
  ajv.addFormat('uuid', CANONICAL_UUID);
  ajv.addFormat('date-time', (value) => parseTimestamp(value) !== undefined);
}

/**
 * Fastify's schema controller with two ajv instances: bodies are never type-coerced
 * (`{"content": 42}` is a 400, not "42"); querystrings, params and headers are (they arrive as
 * strings). Both use the strict formats above.
 */
export function strictSchemaController(): NonNullable<FastifyServerOptions['schemaController']> {
  const factory = AjvCompiler();
  return {
    compilersFactory: {
      buildValidator: (externalSchemas: unknown) => {
        const external = externalSchemas as Parameters<typeof factory>[0];
        const body = factory(external, {
          customOptions: { ...BASE_OPTIONS, coerceTypes: false },
          onCreate: strictFormats,
        } as never);
        const other = factory(external, {
          customOptions: { ...BASE_OPTIONS, coerceTypes: 'array' },
          onCreate: strictFormats,
        } as never);
        return (route: { httpPart?: string }) =>
          route.httpPart === 'body' ? body(route as never) : other(route as never);
      },
    },
  } as never;
}
