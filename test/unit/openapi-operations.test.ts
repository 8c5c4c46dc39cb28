import { beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/http/openapi-document.js';

type Json = Record<string, unknown>;
let document: Json;
const METHODS = ['get', 'post', 'patch', 'put', 'delete'];

beforeAll(async () => {
  document = await openApiDocument();
});

/** Every operation of the document as [method path, operation]. */
function operations(): [string, Json][] {
  const paths = document['paths'] as Record<string, Json>;
  return Object.entries(paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map(
      (method) => [`${method.toUpperCase()} ${path}`, item[method] as Json] as [string, Json],
    ),
  );
}

/** True when `value` holds an `example` or `examples`, following `$ref`s into components. */
function hasExample(value: unknown, seen = new Set<string>()): boolean {
  if (Array.isArray(value)) return value.some((item) => hasExample(item, seen));
  if (!value || typeof value !== 'object') return false;
  const record = value as Json;
  if ('example' in record || 'examples' in record) return true;
  const ref = record['$ref'];
  if (typeof ref === 'string' && !seen.has(ref)) {
    seen.add(ref);
    const name = ref.split('/').pop() ?? '';
    const schemas = (document['components'] as Json)['schemas'] as Json;
    if (hasExample(schemas[name], seen)) return true;
  }
  return Object.values(record).some((child) => hasExample(child, seen));
}

describe('every operation of the OpenAPI document', () => {
  it('has an operationId that reads as a method name', () => {
    for (const [name, operation] of operations()) {
      expect(operation['operationId'], name).toMatch(/^[a-z][a-zA-Z]+$/);
    }
    const ids = operations().map(([, operation]) => operation['operationId']);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('shows an example of its request or of its successful answer', () => {
    const shown = (operation: Json) => {
      const responses = Object.entries((operation['responses'] ?? {}) as Json);
      const successes = responses.filter(([status]) => status.startsWith('2'));
      return hasExample([operation['parameters'], operation['requestBody'], successes]);
    };
    const without = operations()
      .filter(([, operation]) => !shown(operation))
      .map(([name]) => name);
    expect(without).toEqual([]);
  });
});
