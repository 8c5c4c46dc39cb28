import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { ChromaReadinessCheck } from '../../src/adapters/chroma/chroma-readiness-check.js';
import { ChromaVectorIndex } from '../../src/adapters/chroma/chroma-vector-index.js';
import { GloveEmbedder } from '../../src/adapters/embeddings/glove-embedder.js';
import type { DatabaseHandle } from '../../src/adapters/postgres/database.js';
import { DatabaseReadinessCheck } from '../../src/adapters/postgres/database-readiness-check.js';
import { pgLifecycle } from '../../src/adapters/postgres/pg-lifecycle.js';
import { PgStore } from '../../src/adapters/postgres/pg-store.js';
import { type App, type AppOptions, buildApp } from '../../src/http/build-app.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { metricsTelemetry } from '../../src/observability/metrics-telemetry.js';
import type { Clock } from '../../src/ports/clock.js';
import type { Llm } from '../../src/ports/llm.js';
import type { Tracer } from '../../src/ports/tracer.js';
import type { VectorIndex } from '../../src/ports/vector-index.js';
import type { Services } from '../../src/services/create-services.js';
import { createMigratedDatabase, type DatabaseKind } from './test-databases.js';
import { testServices } from './test-services.js';

/** GloVe cache shared by every test run on this machine (converted once, ~15 s). */
export const TEST_EMBEDDINGS_CACHE = path.resolve(
  import.meta.dirname,
  '../../node_modules/.cache/engram-test/embeddings',
);

let glove: GloveEmbedder | undefined;

/** The real default embedder, loaded once per test worker. */
export async function testEmbedder(): Promise<GloveEmbedder> {
  glove ??= new GloveEmbedder({ cacheDirectory: TEST_EMBEDDINGS_CACHE });
  await glove.init();
  return glove;
}

export interface TestApp {
  readonly app: App;
  readonly services: Services;
  readonly database: DatabaseHandle;
  readonly store: PgStore;
  readonly vectors: VectorIndex;
  readonly metrics: ReturnType<typeof createMetrics>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  readonly chromaUrl: string;
  readonly database?: DatabaseKind;
  readonly clock?: Clock;
  /** Wraps the real index, e.g. to make it fail. */
  readonly wrapVectors?: (index: VectorIndex) => VectorIndex;
  /** An LLM for conversations, chat and summaries (default: none). */
  readonly llm?: Llm;
  /** Extra options for buildApp (e.g. an operation log). */
  readonly appOptions?: AppOptions;
  /** Times the steps of searches (TRACE_SPANS). */
  readonly tracer?: Tracer;
}

/** The whole service on real PGlite (or PostgreSQL), a real Chroma server and real GloVe. */
export async function createTestApp(options: TestAppOptions): Promise<TestApp> {
  const database = await createMigratedDatabase(options.database ?? 'pglite');
  const chroma = new ChromaVectorIndex({
    url: options.chromaUrl,
    collectionPrefix: `t${randomBytes(4).toString('hex')}`,
    ...(options.tracer ? { tracer: options.tracer } : {}),
  });
  const vectors = options.wrapVectors ? options.wrapVectors(chroma) : chroma;
  const embedder = await testEmbedder();
  await vectors.init(embedder.identity);
  const store = new PgStore(database.db);
  const lifecycle = pgLifecycle(database.db);
  const metrics = createMetrics({
    vectorIndexSize: () => chroma.count(),
    outboxPending: () => store.outbox.pendingCount(),
    expiryBacklog: () => lifecycle.expiry.backlog(options.clock?.now() ?? new Date()),
    forgetUnfinished: () => lifecycle.forgetting.unfinishedCount(),
  });
  const services = testServices(database, {
    store,
    lifecycle,
    vectors,
    embedder,
    wordVectors: embedder,
    llm: options.llm,
    telemetry: metricsTelemetry(metrics, 'glove'),
    readinessChecks: [new DatabaseReadinessCheck(database.db), new ChromaReadinessCheck(chroma)],
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.tracer ? { tracer: options.tracer } : {}),
  });
  const app = await buildApp({ ...services, metrics }, options.appOptions);
  return {
    app,
    services,
    database,
    store,
    vectors,
    metrics,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
