import fc from 'fast-check';

/** One HTTP request the fuzzer sends. */
export interface FuzzRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly payload?: string;
}

type Schema = Record<string, unknown>;
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}
interface Operation {
  parameters?: Array<{ in: string; name: string; required?: boolean; schema?: Schema }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

/** What the generator may plant: ids that exist, scope ids to use (never the guarded ones). */
export interface FuzzPools {
  readonly ids: readonly string[];
  readonly scopeIds: readonly string[];
}

// Values that broke the service before (issue 14) or break schema-valid requests in general.
const HOSTILE_STRINGS = [
  '',
  ' ',
  'a\u0000b',
  '\u0000',
  'x\uD800y',
  '\uDC00',
  '\uFEFFalice',
  '\uFEFF',
  'urn:uuid:0b7e5c1e-6f43-4c55-9a51-7c7a3f0d8d11',
  '{0b7e5c1e-6f43-4c55-9a51-7c7a3f0d8d11}',
  '0B7E5C1E6F434C559A517C7A3F0D8D11',
  '2016-12-31T23:59:60Z',
  '0000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '2026-02-30T00:00:00Z',
  'Infinity',
  '-Infinity',
  'NaN',
  '1e309',
  '18446744073709551616',
  '-1',
  'null',
  '💾'.repeat(3),
  "'; drop table memories; --",
  '%00',
  '\\u0000',
];
const HOSTILE_NUMBERS = [-1, 0, 1e308, -1e308, 2 ** 63, 2 ** 64, 0.5, 1e-320, -0];

/** Anything at all, with a bias towards values that once caused 500s. */
function hostile(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom<unknown>(...HOSTILE_STRINGS),
    fc.constantFrom<unknown>(...HOSTILE_NUMBERS),
    fc.constantFrom<unknown>(null, true, false, {}, [], [1, 2], { a: { b: { c: 1 } } }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.constant(deep(40)),
  );
}

function deep(levels: number): unknown {
  let value: unknown = 1;
  for (let level = 0; level < levels; level += 1) value = { a: value };
  return value;
}

/** Arbitraries for the values a JSON schema describes, now and then replaced by hostile ones. */
export class SchemaArbitraries {
  readonly #components: Record<string, Schema>;
  readonly #pools: FuzzPools;

  constructor(document: OpenApiDocument, pools: FuzzPools) {
    this.#components = document.components?.schemas ?? {};
    this.#pools = pools;
  }

  /** A value for `schema`: valid most of the time, hostile about one time in six. */
  of(schema: Schema | undefined, name = '', depth = 0): fc.Arbitrary<unknown> {
    if (!schema || depth > 6) return hostile();
    return fc.oneof(
      { weight: 5, arbitrary: this.#valid(schema, name, depth) },
      { weight: 1, arbitrary: hostile() },
    );
  }

  #valid(schema: Schema, name: string, depth: number): fc.Arbitrary<unknown> {
    const ref = schema['$ref'];
    if (typeof ref === 'string')
      return this.of(this.#components[ref.split('/').pop() ?? ''], name, depth + 1);
    const choices = (schema['anyOf'] ?? schema['oneOf']) as Schema[] | undefined;
    if (choices) return fc.oneof(...choices.map((choice) => this.of(choice, name, depth + 1)));
    if ('const' in schema) return fc.constant(schema['const']);
    if (Array.isArray(schema['enum'])) return fc.constantFrom(...(schema['enum'] as unknown[]));
    switch (schema['type']) {
      case 'string':
        return this.#string(schema, name);
      case 'integer':
      case 'number':
        return this.#number(schema);
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array':
        return fc.array(this.of(schema['items'] as Schema, name, depth + 1), {
          minLength: Math.min(Number(schema['minItems'] ?? 0), 3),
          maxLength: 3,
        });
      case 'object':
        return this.#object(schema, depth);
      default:
        return hostile();
    }
  }

  #string(schema: Schema, name: string): fc.Arbitrary<unknown> {
    if (schema['format'] === 'uuid')
      return fc.oneof(fc.constantFrom(...this.#pools.ids), fc.uuid());
    if (schema['format'] === 'date-time')
      return fc
        .date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2100-01-01T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((date) => date.toISOString());
    if (/_id$/.test(name) && this.#pools.scopeIds.length > 0)
      return fc.constantFrom(...this.#pools.scopeIds);
    const maxLength = Math.min(Number(schema['maxLength'] ?? 200), 200);
    const minLength = Math.min(Number(schema['minLength'] ?? 0), maxLength);
    return fc.oneof(
      fc.constantFrom('Sarah lives in Boston.', 'My sister works at Google.', 'hello'),
      fc.string({ minLength, maxLength, unit: 'grapheme' }),
    );
  }

  #number(schema: Schema): fc.Arbitrary<unknown> {
    const min = Number(schema['minimum'] ?? -1000);
    const max = Number(schema['maximum'] ?? 1000);
    if (schema['type'] === 'integer')
      return fc.integer({ min: Math.max(min, -1e6), max: Math.min(max, 1e6) });
    return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  }

  #object(schema: Schema, depth: number): fc.Arbitrary<unknown> {
    const properties = (schema['properties'] ?? {}) as Record<string, Schema>;
    const required = new Set((schema['required'] ?? []) as string[]);
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [key, child] of Object.entries(properties))
      record[key] = this.of(child, key, depth + 1);
    const keys = Object.keys(properties);
    if (keys.length === 0)
      return fc.dictionary(fc.string({ maxLength: 8 }), hostile(), { maxKeys: 3 });
    return fc.record(record, { requiredKeys: keys.filter((key) => required.has(key)) });
  }
}

/** Every operation of an OpenAPI document as an arbitrary of requests to it. */
export function requestArbitrary(
  document: OpenApiDocument,
  pools: FuzzPools,
): fc.Arbitrary<FuzzRequest> {
  const values = new SchemaArbitraries(document, pools);
  const operations: Array<fc.Arbitrary<FuzzRequest>> = [];
  for (const [route, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      operations.push(operationArbitrary(values, route, method.toUpperCase(), operation));
    }
  }
  return fc.oneof(...operations);
}

const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'text/plain', ''];

function operationArbitrary(
  values: SchemaArbitraries,
  route: string,
  method: string,
  operation: Operation,
): fc.Arbitrary<FuzzRequest> {
  const parameters = operation.parameters ?? [];
  const path = parameters.filter((parameter) => parameter.in === 'path');
  const query = parameters.filter((parameter) => parameter.in === 'query');
  const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
  return fc
    .record({
      path: fc.tuple(...path.map((parameter) => values.of(parameter.schema, parameter.name))),
      query: fc.tuple(
        ...query.map((parameter) =>
          fc.option(values.of(parameter.schema, parameter.name), { nil: undefined }),
        ),
      ),
      body: bodySchema
        ? fc.option(values.of(bodySchema), { freq: 8, nil: undefined })
        : fc.constant(undefined),
      contentType: fc.constantFrom(...CONTENT_TYPES),
    })
    .map(({ path: pathValues, query: queryValues, body, contentType }) => {
      let url = route;
      path.forEach((parameter, index) => {
        url = url.replace(`{${parameter.name}}`, encodeLoosely(text(pathValues[index])));
      });
      const queryText = query
        .map((parameter, index) => [parameter.name, queryValues[index]] as const)
        .filter(([, value]) => value !== undefined)
        .map(([name, value]) => `${encodeLoosely(name)}=${encodeLoosely(text(value))}`)
        .join('&');
      const payload = body === undefined ? (bodySchema ? '' : undefined) : JSON.stringify(body);
      return {
        method,
        url: queryText ? `${url}?${queryText}` : url,
        headers: contentType ? { 'content-type': contentType } : {},
        ...(payload !== undefined ? { payload } : {}),
      };
    });
}

/**
 * Percent-encodes any string, lone surrogates included (as the bytes WTF-8 gives them, which
 * are not valid UTF-8: the server must cope), where encodeURIComponent would throw.
 */
function encodeLoosely(value: string): string {
  let encoded = '';
  for (const character of value) {
    const code = character.codePointAt(0) ?? 0;
    if (code >= 0xd800 && code <= 0xdfff) {
      const bytes = [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
      encoded += bytes.map((byte) => `%${byte.toString(16).toUpperCase()}`).join('');
    } else encoded += encodeURIComponent(character);
  }
  return encoded;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}
