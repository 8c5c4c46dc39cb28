import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/use-test-app.js';

const t = useTestApp();

describe('operations routes', () => {
  it('GET /health answers ok', async () => {
    const response = await t.app.inject({ url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('GET /ready reports database, vector index and outbox', async () => {
    const response = await t.app.inject({ url: '/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      ready: true,
      checks: {
        database: { ok: true },
        vector_index: { ok: true },
        outbox: { ok: true, detail: { pending: 0 } },
      },
    });
  });

  it('GET /docs serves an OpenAPI document listing every route', async () => {
    expect((await t.app.inject({ url: '/docs' })).statusCode).toBe(200);
    const spec = (await t.app.inject({ url: '/docs/json' })).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/memories',
        '/memories/batch',
        '/memories/{id}',
        '/memories/search',
        '/memories/{id}/history',
        '/entities',
        '/entities/{id}',
        '/entities/{id}/relationships',
        '/entities/{id}/graph',
        '/health',
        '/ready',
        '/metrics',
      ]),
    );
  });

  it('GET /metrics carries the spec metrics after a few operations', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/memories',
      payload: { content: 'Ana lives in Lisbon.', user_id: 'm' },
    });
    await t.app.inject({
      method: 'POST',
      url: '/memories/search',
      payload: { query: 'Lisbon', user_id: 'm' },
    });
    const text = (await t.app.inject({ url: '/metrics' })).body;
    expect(text).toMatch(/memory_operations_total\{operation_type="add"\} 1/);
    expect(text).toMatch(/memory_operations_total\{operation_type="search"\} 1/);
    expect(text).toMatch(/entity_extraction_seconds_count [1-9]/);
    expect(text).toMatch(/memory_retrieval_seconds_count 1/);
    expect(text).toMatch(/embedding_seconds_count\{provider="glove"\} [1-9]/);
    expect(text).toMatch(/vector_index_size 1\n/);
    expect(text).toMatch(/outbox_pending 0\n/);
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="POST",route="\/memories",status_code="201"\} 1/,
    );
  });

  it('answers an unknown route with 404 and an error code', async () => {
    const response = await t.app.inject({ url: '/nowhere' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'not_found' });
  });
});
