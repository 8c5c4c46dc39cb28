import { afterEach, expect, it } from 'vitest';
import {
  type DatabaseHandle,
  openServerDatabase,
} from '../../../src/adapters/postgres/database.js';
import { lockFor } from '../../../src/adapters/postgres/pg-advisory-lock.js';
import { PgStore } from '../../../src/adapters/postgres/pg-store.js';
import type { VectorIndex } from '../../../src/ports/vector-index.js';
import { RECONCILER_LOCK } from '../../../src/services/indexing/index-sync.js';
import { InMemoryVectorIndex } from '../../support/in-memory-vector-index.js';
import { testEmbedder } from '../../support/test-app.js';
import { createMigratedDatabase } from '../../support/test-databases.js';
import { testServices } from '../../support/test-services.js';

const handles: DatabaseHandle[] = [];

afterEach(async () => {
  for (const handle of handles.reverse()) await handle.close();
  handles.length = 0;
});

/** A vector index whose first upsert fails, so the memory's outbox row stays pending. */
function failingOnce(index: VectorIndex): VectorIndex {
  let failed = false;
  return {
    init: (identity) => index.init(identity),
    reset: (identity) => index.reset(identity),
    upsert: async (records) => {
      if (failed) return index.upsert(records);
      failed = true;
      throw new Error('vector index down');
    },
    query: (query) => index.query(query),
    delete: (keys) => index.delete(keys),
    count: () => index.count(),
  };
}

async function replicaWithPendingMemory(database: DatabaseHandle) {
  const embedder = await testEmbedder();
  const vectors = failingOnce(new InMemoryVectorIndex());
  await vectors.init(embedder.identity);
  const store = new PgStore(database.db);
  const core = testServices(
    database,
    { store, vectors, embedder, lock: lockFor(database) },
    { maxChunkTokens: 512 },
  );
  await core.writer.add({
    content: 'Ingrid keeps her sailboat in Bergen.',
    scope: { tenant: 'default', userId: 'u', agentId: '' },
  });
  return { core, store };
}

it('skips a reconciler pass while another replica reconciles, and drains once it is done', async () => {
  const first = await createMigratedDatabase('postgres');
  handles.push(first);
  const second = openServerDatabase(first.location);
  handles.push(second);
  const { core, store } = await replicaWithPendingMemory(first);
  expect(await store.outbox.pendingCount()).toBe(1);

  const whileHeld = await lockFor(second).tryWith(RECONCILER_LOCK, () => core.index.drain());
  const pendingWhileHeld = await store.outbox.pendingCount();
  const afterwards = await core.index.drain();

  expect(whileHeld).toEqual({ acquired: true, value: 0 });
  expect(pendingWhileHeld).toBe(1);
  expect(afterwards).toBe(1);
  expect(await store.outbox.pendingCount()).toBe(0);
});
