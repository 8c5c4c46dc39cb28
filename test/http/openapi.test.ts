import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/use-test-app.js';

const t = useTestApp();
let spec: unknown;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** The value at `path` inside the OpenAPI document. */
function at(...path: string[]): unknown {
  let value = spec;
  for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key];
  return value;
}

beforeAll(async () => {
  spec = (await t.app.inject({ url: '/docs/json' })).json();
});
describe('the OpenAPI document', () => {
  it('lists the memory response schemas as named components', () => {
    expect(Object.keys(at('components', 'schemas') as object)).toEqual(
      expect.arrayContaining([
        'AddMemoryResponse',
        'BatchResponse',
        'BatchItemResult',
        'SearchResponse',
        'SearchResult',
        'HistoryResponse',
        'HistoryEvent',
        'Memory',
        'Entity',
        'Relationship',
        'ErrorBody',
      ]),
    );
  });

  it.each([
    ['/memories', 'post', '201', 'AddMemoryResponse'],
    ['/memories', 'post', '200', 'AddMemoryResponse'],
    ['/memories/batch', 'post', '200', 'BatchResponse'],
    ['/memories/search', 'post', '200', 'SearchResponse'],
    ['/memories/{id}/history', 'get', '200', 'HistoryResponse'],
    ['/memories/{id}', 'get', '404', 'ErrorBody'],
  ])('%s %s answers %s with %s', (path, method, status, name) => {
    expect(
      at('paths', path, method, 'responses', status, 'content', 'application/json', 'schema'),
    ).toEqual(ref(name));
  });

  it.each([
    ['/entities/{id}', 'patch', 'requestBody'],
    ['/entities/{id}/merge', 'post', 'requestBody'],
    ['/users/{user_id}', 'delete', 'responses'],
    ['/import', 'post', 'responses'],
  ])('documents %s %s with examples', (path, method, part) => {
    expect(JSON.stringify(at('paths', path, method, part))).toContain('"example');
  });

  it('documents the lifecycle routes and the JSON Lines export', () => {
    expect(at('paths', '/entities/{id}', 'delete')).toBeDefined();
    expect(at('paths', '/agents/{agent_id}', 'delete')).toBeDefined();
    expect(at('paths', '/export', 'get', 'responses', '200', 'content')).toHaveProperty(
      'application/x-ndjson',
    );
  });

  it('types every batch item, in the request and in the results', () => {
    const body = ['paths', '/memories/batch', 'post', 'requestBody', 'content', 'application/json'];

    expect(at(...body, 'schema', 'properties', 'items', 'items')).toEqual(ref('MemoryInput'));
    expect(at('components', 'schemas', 'BatchResponse', 'properties', 'results', 'items')).toEqual(
      ref('BatchItemResult'),
    );
    expect(at('components', 'schemas', 'BatchItemResult', 'anyOf')).toHaveLength(2);
  });
});

describe('responses serialised through the named schemas', () => {
  const metadata = { source: 'chat', nested: { tags: ['a', 'b'], score: 2 } };

  it('keep free-form metadata whole', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/memories',
      payload: { content: 'Omar repairs clocks in Tunis.', user_id: 'openapi', metadata },
    });

    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ created: true, memory: { metadata } });
  });

  it('keep both kinds of batch result', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/memories/batch',
      payload: {
        items: [{ content: 'Lena sails from Kiel.', user_id: 'openapi', metadata }, { content: 7 }],
      },
    });

    expect(response.statusCode).toBe(200);
    expect(response.json().results).toEqual([
      expect.objectContaining({
        index: 0,
        status: 'created',
        memory: expect.objectContaining({ metadata }),
      }),
      { index: 1, status: 'error', error: { code: 'invalid_input', message: expect.any(String) } },
    ]);
  });
});
