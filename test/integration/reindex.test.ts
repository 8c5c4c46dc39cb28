import { beforeAll, expect, it } from 'vitest';
import { PgSettingsRepository } from '../../src/adapters/postgres/pg-settings-repository.js';
import type { VectorIndex } from '../../src/ports/vector-index.js';
import { ReindexService } from '../../src/services/indexing/reindex-service.js';
import { testEmbedder } from '../support/test-app.js';
import { useTestApp } from '../support/use-test-app.js';

const t = useTestApp();
const scope = { tenant: 'default', userId: 'reindex', agentId: '' };
const contents = [
  'Ada lives in London.',
  'Ben works at Siemens.',
  'Cleo has a dog named Rex.',
  'Dev studies at MIT.',
  'Eva likes jazz.',
];

beforeAll(async () => {
  for (const content of contents) await t.services.writer.add({ content, scope });
});

function failingAfter(index: VectorIndex, batches: number): VectorIndex {
  let calls = 0;
  return {
    init: (identity) => index.init(identity),
    reset: (identity) => index.reset(identity),
    upsert: async (records) => {
      calls += 1;
      if (calls > batches) throw new Error('interrupted');
      await index.upsert(records);
    },
    query: (query) => index.query(query),
    delete: (keys) => index.delete(keys),
    count: () => index.count(),
  };
}

it('rebuilds the vector index from Postgres', async () => {
  const settings = new PgSettingsRepository(t.database.db);
  const service = new ReindexService({
    store: t.store,
    settings,
    vectors: t.vectors,
    embedder: await testEmbedder(),
  });
  const progress: number[] = [];
  expect(await service.run({ batchSize: 2, onProgress: ({ done }) => progress.push(done) })).toBe(
    5,
  );
  expect(progress).toEqual([0, 2, 4, 5]);
  expect(await t.vectors.count()).toBe(5);
  const [hit] = await t.services.search.search({ query: 'Who has a dog?', scope });
  expect(hit?.memory.content).toBe('Cleo has a dog named Rex.');
});

it('resumes an interrupted reindex and is not ready until it finishes', async () => {
  const settings = new PgSettingsRepository(t.database.db);
  const embedder = await testEmbedder();
  const interrupted = new ReindexService({
    store: t.store,
    settings,
    vectors: failingAfter(t.vectors, 1),
    embedder,
  });
  await expect(interrupted.run({ batchSize: 2 })).rejects.toThrow('interrupted');
  expect(await t.vectors.count()).toBe(2);
  expect((await interrupted.readinessCheck().check()).ok).toBe(false);

  const resumed = new ReindexService({ store: t.store, settings, vectors: t.vectors, embedder });
  const progress: number[] = [];
  expect(await resumed.run({ batchSize: 2, onProgress: ({ done }) => progress.push(done) })).toBe(
    5,
  );
  expect(progress[0]).toBe(2);
  expect(await t.vectors.count()).toBe(5);
  expect((await resumed.readinessCheck().check()).ok).toBe(true);
});
