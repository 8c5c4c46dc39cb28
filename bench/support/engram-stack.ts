import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ChromaVectorIndex } from '../../src/adapters/chroma/chroma-vector-index.js';
import { ManagedChroma } from '../../src/adapters/chroma/managed-chroma.js';
import { GloveEmbedder } from '../../src/adapters/embeddings/glove-embedder.js';
import { RulesEntityExtractor } from '../../src/adapters/extraction/rules-entity-extractor.js';
import { type DatabaseHandle, openMemoryDatabase } from '../../src/adapters/postgres/database.js';
import { migrateUp } from '../../src/adapters/postgres/migrator.js';
import { pgLifecycle } from '../../src/adapters/postgres/pg-lifecycle.js';
import { PgSettingsRepository } from '../../src/adapters/postgres/pg-settings-repository.js';
import { PgStore } from '../../src/adapters/postgres/pg-store.js';
import {
  createServices,
  type ServicePorts,
  type ServiceSettings,
} from '../../src/services/create-services.js';
import { EntityExtraction } from '../../src/services/graph/entity-extraction.js';
import type { SearchTuning } from '../../src/services/search/search-tuning.js';

/** Every service on a migrated database through the one composition root: rules extraction, system clock. */
export function benchServices(
  database: DatabaseHandle,
  ports: Pick<ServicePorts, 'store' | 'vectors' | 'embedder'> & Partial<ServicePorts>,
  settings: Partial<ServiceSettings> = {},
) {
  return createServices(
    {
      lifecycle: pgLifecycle(database.db),
      settings: new PgSettingsRepository(database.db),
      extractor: new RulesEntityExtractor({ confidenceThreshold: 0.5 }),
      clock: { now: () => new Date() },
      ...ports,
    },
    { maxChunkTokens: 512, topK: 5, scoreThreshold: 0, ...settings },
  );
}

/** Where benchmarks keep the converted GloVe cache (shared with the tests). */
export const BENCH_EMBEDDINGS_CACHE = path.resolve(
  import.meta.dirname,
  '../../node_modules/.cache/engram-test/embeddings',
);

/** The default offline Engram (PGlite in memory, a managed Chroma in a temp dir, GloVe, rules) for benchmarks. */
export async function startEngramStack(
  options: {
    maxChunkTokens?: number;
    searchTuning?: Partial<SearchTuning>;
    /** Chroma's port (`--chroma-port`); a free one when absent. */
    chromaPort?: number | undefined;
  } = {},
) {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'engram-bench-'));
  const chroma = new ManagedChroma({
    persistDirectory: path.join(directory, 'chroma'),
    restart: false,
    ...(options.chromaPort ? { port: options.chromaPort } : {}),
  });
  const url = await chroma.start();
  const database = await openMemoryDatabase();
  await migrateUp(database.db);
  const embedder = new GloveEmbedder({ cacheDirectory: BENCH_EMBEDDINGS_CACHE });
  await embedder.init();
  const vectors = new ChromaVectorIndex({ url });
  await vectors.init(embedder.identity);
  const store = new PgStore(database.db);
  const services = benchServices(
    database,
    { store, vectors, embedder, wordVectors: embedder },
    {
      maxChunkTokens: options.maxChunkTokens ?? 512,
      topK: 10,
      ...(options.searchTuning ? { searchTuning: options.searchTuning } : {}),
    },
  );
  return {
    services,
    /** The rules extraction the search services resolve query entities with. */
    extraction: new EntityExtraction(new RulesEntityExtractor({ confidenceThreshold: 0.5 })),
    store,
    database,
    vectors,
    embedder,
    chromaUrl: url,
    chromaPid: chroma.pid,
    close: async () => {
      await database.close();
      await chroma.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

export type EngramStack = Awaited<ReturnType<typeof startEngramStack>>;
