import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { SpanTracer } from '../../src/observability/span-tracer.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const chromaUrl = inject('chromaUrl');
let traced: TestApp;
let plain: TestApp;

beforeAll(async () => {
  [traced, plain] = await Promise.all([
    createTestApp({ chromaUrl, tracer: new SpanTracer() }),
    createTestApp({ chromaUrl }),
  ]);
  for (const t of [traced, plain]) {
    await t.app.inject({
      method: 'POST',
      url: '/memories',
      payload: { content: 'Noor moved to Cairo last spring.', user_id: 'spans' },
    });
  }
});
afterAll(async () => {
  await Promise.all([traced?.close(), plain?.close()]);
});

const search = (t: TestApp) =>
  t.app.inject({
    method: 'POST',
    url: '/memories/search',
    payload: { query: 'Where does Noor live?', user_id: 'spans' },
  });

it('answers a search with the time of each step in a Server-Timing header when tracing is on', async () => {
  const response = await search(traced);

  expect(response.statusCode).toBe(200);
  const names = String(response.headers['server-timing'])
    .split(', ')
    .map((metric) => metric.split(';')[0]);
  expect(names).toEqual(
    expect.arrayContaining(['channel.vector', 'channel.text', 'chroma.query', 'hydrate', 'total']),
  );
});

it('sends no Server-Timing header when tracing is off', async () => {
  const response = await search(plain);

  expect(response.statusCode).toBe(200);
  expect(response.headers['server-timing']).toBeUndefined();
});
