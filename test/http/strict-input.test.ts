import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/use-test-app.js';

const t = useTestApp();

const send = (method: 'POST' | 'PATCH' | 'DELETE' | 'GET', url: string, payload?: string) =>
  t.app.inject({
    method,
    url,
    headers: { 'content-type': 'application/json' },
    ...(payload !== undefined ? { payload } : {}),
  });

const add = (body: Record<string, unknown>) =>
  send('POST', '/memories', JSON.stringify({ user_id: 'strict', ...body }));

describe('strict input at the edge', () => {
  it.each([
    ['NUL in content', '{"content":"a\\u0000b","user_id":"strict"}'],
    ['a lone surrogate in content', '{"content":"a\\ud800b","user_id":"strict"}'],
    [
      'a lone surrogate in a metadata key',
      '{"content":"x","user_id":"strict","metadata":{"\\udc00":1}}',
    ],
    ['a lone surrogate in user_id', '{"content":"x","user_id":"\\ud83d"}'],
    ['a number for content', '{"content":42,"user_id":"strict"}'],
    ['a leap second', '{"content":"x","user_id":"strict","created_at":"2016-12-31T23:59:60Z"}'],
    ['year 0000', '{"content":"x","user_id":"strict","created_at":"0000-01-01T00:00:00Z"}'],
    ['no scope', '{"content":"x"}'],
  ])('answers 400 to %s', async (_name, payload) => {
    const response = await send('POST', '/memories', payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('invalid_input');
  });

  it('names the missing scope fields', async () => {
    const response = await add({ content: 'x', user_id: undefined });
    expect(response.json().message).toContain('user_id or agent_id');
  });

  it('names an unknown or missing field and a field of the wrong type', async () => {
    const unknown = await send('POST', '/memories/search', '{"query":"x","user_id":"u","limit":3}');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toBe('body.limit is not allowed');
    const missing = await send('POST', '/memories/search', '{"user_id":"u"}');
    expect(missing.json().message).toBe('body.query is required');
    const wrongType = await send(
      'POST',
      '/memories/search',
      '{"query":"x","user_id":"u","top_k":"3"}',
    );
    expect(wrongType.json().message).toMatch(/^body\.top_k /);
  });

  it('rejects metadata nested 5,000 deep', async () => {
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const response = await send(
      'POST',
      '/memories',
      `{"content":"x","user_id":"s","metadata":${deep}}`,
    );
    expect(response.statusCode).toBe(400);
  });

  it('rejects urn:uuid ids and non-finite numbers in querystrings', async () => {
    const urn = await send('GET', '/memories/urn:uuid:0b7e5c1e-6f43-4c55-9a51-7c7a3f0d8d11');
    const huge = await send('GET', '/memories?user_id=a&offset=1e309');
    const big = await send('GET', `/memories?user_id=a&offset=${2 ** 64}`);
    expect([urn.statusCode, huge.statusCode, big.statusCode]).toEqual([400, 400, 400]);
  });

  it('rejects coerced strings for numbers in bodies', async () => {
    const response = await send(
      'POST',
      '/memories/search',
      '{"query":"x","user_id":"s","top_k":"1e309"}',
    );
    expect(response.statusCode).toBe(400);
  });

  it('accepts DELETE with a JSON content type and no body', async () => {
    const created = (await add({ content: 'To be deleted with a header.' })).json();
    const response = await send('DELETE', `/memories/${created.memory.id}?user_id=strict`, '');
    expect(response.statusCode).toBe(204);
  });

  it('accepts an empty body under any content type and rejects a non-JSON one', async () => {
    const created = (await add({ content: 'Deleted under text/plain.' })).json();
    const empty = await t.app.inject({
      method: 'DELETE',
      url: `/memories/${created.memory.id}?user_id=strict`,
      headers: { 'content-type': 'text/plain' },
      payload: '',
    });
    const text = await t.app.inject({
      method: 'POST',
      url: '/memories',
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect([empty.statusCode, text.statusCode]).toEqual([204, 400]);
  });

  it('reports a batch item with a bad string as failed and stores the rest', async () => {
    const response = await send(
      'POST',
      '/memories/batch',
      '{"items":[{"content":"Batch item one is fine.","user_id":"b"},{"content":"bad\\u0000","user_id":"b"},{"content":"No scope here."}]}',
    );
    expect(response.statusCode).toBe(200);
    const statuses = response.json().results.map((result: { status: string }) => result.status);
    expect(statuses).toEqual(['created', 'error', 'error']);
  });
});
