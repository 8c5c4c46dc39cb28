import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { ChromaVectorIndex } from '../../src/adapters/chroma/chroma-vector-index.js';
import type { DatabaseHandle } from '../../src/adapters/postgres/database.js';
import { PgStore } from '../../src/adapters/postgres/pg-store.js';
import { testEmbedder } from '../support/test-app.js';
import { createMigratedDatabase } from '../support/test-databases.js';
import { testServices } from '../support/test-services.js';

const CHILD = path.resolve(import.meta.dirname, '../support/crash-child.ts');
const chromaUrl = inject('chromaUrl');
// The child and this file share the run's Chroma server: their own collection prefix.
const prefix = `crash${randomBytes(4).toString('hex')}`;
let database: DatabaseHandle;

beforeAll(async () => {
  database = await createMigratedDatabase('postgres');
  await testEmbedder(); // make sure the shared GloVe cache exists before the child needs it
});
afterAll(async () => {
  await database?.close();
});

function runChild(content: string): Promise<{ signal: NodeJS.Signals | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', CHILD, database.location, chromaUrl, prefix, content],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.on('exit', (_code, signal) => resolve({ signal, stdout }));
  });
}

it('a memory committed before a crash is indexed by the reconciler', async () => {
  const { signal, stdout } = await runChild('Ingrid keeps her sailboat in Bergen.');
  expect(signal).toBe('SIGKILL');
  expect(stdout).toBe('');

  const store = new PgStore(database.db);
  expect(await store.outbox.pendingCount()).toBe(1);
  const embedder = await testEmbedder();
  const vectors = new ChromaVectorIndex({ url: chromaUrl, collectionPrefix: prefix });
  await vectors.init(embedder.identity);
  const core = testServices(database, { store, vectors, embedder }, { maxChunkTokens: 512 });
  expect(await vectors.count()).toBe(0);

  expect(await core.index.drain()).toBe(1);

  expect(await store.outbox.pendingCount()).toBe(0);
  expect(await vectors.count()).toBe(1);
  const results = await core.search.search({
    query: 'Where is the sailboat?',
    scope: { tenant: 'default', userId: 'crash', agentId: '' },
  });
  expect(results[0]?.memory.content).toBe('Ingrid keeps her sailboat in Bergen.');
  expect(results[0]?.entities.map((entity) => entity.text)).toEqual(
    expect.arrayContaining(['Ingrid', 'Bergen']),
  );
});
