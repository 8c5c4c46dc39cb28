import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { OperationLogger } from '../../src/observability/operation-logger.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const chromaUrl = inject('chromaUrl');
let t: TestApp;
const lines: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const operations = new OperationLogger(pino({ level: 'info' }, sink), {
    level: 'info',
    content: false,
  });
  t = await createTestApp({
    chromaUrl,
    appOptions: { operationLog: (record) => operations.log(record) },
  });
});
afterAll(async () => {
  await t?.close();
});

it('logs one line per memory operation with the spec fields and the request id', async () => {
  const added = await t.app.inject({
    method: 'POST',
    url: '/memories',
    payload: { content: 'Secret plans: Noor visits Cairo.', user_id: 'log' },
  });
  await t.app.inject({
    method: 'POST',
    url: '/memories/search',
    payload: { query: 'Cairo', user_id: 'log' },
  });
  await t.app.inject({ method: 'DELETE', url: `/memories/${added.json().memory.id}?user_id=log` });
  await t.app.inject({ url: '/health' });

  expect(lines.map((line) => line['operation'])).toEqual(['add', 'search', 'delete']);
  for (const line of lines) {
    expect(line).toMatchObject({
      timestamp: expect.any(String),
      duration: expect.any(Number),
      request_id: expect.any(String),
      details: { user_id: 'log' },
    });
  }
  expect(JSON.stringify(lines)).not.toContain('Secret plans');
});
