import path from 'node:path';
import { ChromaReadinessCheck } from './adapters/chroma/chroma-readiness-check.js';
import { ChromaVectorIndex } from './adapters/chroma/chroma-vector-index.js';
import { ManagedChroma } from './adapters/chroma/managed-chroma.js';
import { GloveEmbedder } from './adapters/embeddings/glove-embedder.js';
import { HttpEmbedder } from './adapters/embeddings/http-embedder.js';
import { TransformersEmbedder } from './adapters/embeddings/transformers-embedder.js';
import { RulesEntityExtractor } from './adapters/extraction/rules-entity-extractor.js';
import { LlmEntityExtractor } from './adapters/extraction-llm/llm-entity-extractor.js';
import { WorkerEntityExtractor } from './adapters/extraction-worker/worker-entity-extractor.js';
import { OllamaChatLlm } from './adapters/llm/ollama-chat-llm.js';
import { OpenAiChatLlm } from './adapters/llm/openai-chat-llm.js';
import { type DatabaseHandle, openServerDatabase } from './adapters/postgres/database.js';
import { DatabaseReadinessCheck } from './adapters/postgres/database-readiness-check.js';
import { openEmbeddedDatabase } from './adapters/postgres/embedded/embedded-database.js';
import { migrateUp, pendingMigrations } from './adapters/postgres/migrator.js';
import { lockFor } from './adapters/postgres/pg-advisory-lock.js';
import { PgApiKeyRepository } from './adapters/postgres/pg-api-key-repository.js';
import { pgLifecycle } from './adapters/postgres/pg-lifecycle.js';
import { autovacuumRuns, PgPlannerStatistics } from './adapters/postgres/pg-planner-statistics.js';
import { PgSettingsRepository } from './adapters/postgres/pg-settings-repository.js';
import { PgStore } from './adapters/postgres/pg-store.js';
import { TransformersReranker } from './adapters/reranking/transformers-reranker.js';
import type { Config } from './config/config.js';
import { ConflictError } from './domain/errors.js';
import type { Logger } from './observability/logger.js';
import { createMetrics, type Metrics } from './observability/metrics.js';
import { metricsTelemetry } from './observability/metrics-telemetry.js';
import { SpanTracer } from './observability/span-tracer.js';
import type { Embedder } from './ports/embedder.js';
import type { EntityExtractor } from './ports/entity-extractor.js';
import type { Llm } from './ports/llm.js';
import { NO_TRACER, type Tracer } from './ports/tracer.js';
import { createServices } from './services/create-services.js';

export interface ContainerOptions {
  /** `apply`: run pending migrations on the embedded database, refuse a server that is behind. */
  readonly migrations: 'apply' | 'ignore';
  /** Replay the outbox now and then every this many ms (0: only at start; default 30 s). */
  readonly reconcileEveryMs?: number;
  /** Check planner statistics every this many ms where no autovacuum does (default 10 s). */
  readonly statisticsEveryMs?: number;
  /**
   * `rebuild`: the vector index is about to be rebuilt, so its embedder identity is not checked
   * and the outbox is not replayed meanwhile.
   */
  readonly vectorIndex?: 'check' | 'rebuild';
  /** Run the lifecycle sweeps (forget-job resume, expiry) now and every EXPIRY_SWEEP_SECONDS (default: with the reconciler). */
  readonly sweeps?: boolean;
}

/**
 * Opens the configured database: a server with DATABASE_URL, else the embedded one in DATA_DIR
 * (a managed PostgreSQL server, or PGlite with EMBEDDED_DATABASE=pglite). `notice` receives what
 * the embedded one reports (first initialisation, a PGlite directory moved).
 */
export async function openDatabase(
  config: Config,
  notice: (message: string, details?: Record<string, unknown>) => void = () => {},
  tracer: Tracer = NO_TRACER,
): Promise<DatabaseHandle> {
  if (config.database.url) return openServerDatabase(config.database.url, { tracer });
  const { embedded, embeddedUser } = config.database;
  return openEmbeddedDatabase(config.dataDir, {
    engine: embedded,
    ...(embeddedUser ? { runAs: embeddedUser } : {}),
    onNotice: notice,
    tracer,
  });
}

/**
 * The composition root: opens the configured adapters, builds every service once with
 * `createServices`, and starts the outbox reconciler. `close` stops and closes everything.
 */
export async function createContainer(config: Config, logger: Logger, options: ContainerOptions) {
  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const closer of closers.reverse())
      await closer().catch((error: unknown) => logger.warn({ err: error }, 'close failed'));
  };
  try {
    const tracer = config.log.traceSpans ? new SpanTracer() : NO_TRACER;
    const database = await openDatabase(
      config,
      (message, details) => logger.info(details ?? {}, message),
      tracer,
    );
    closers.push(() => database.close());
    if (options.migrations === 'apply') await prepareSchema(database, logger);
    const chroma = await openVectorIndex(config, logger, tracer);
    closers.push(chroma.close);
    const vectors = chroma.index;
    const embedder = createEmbedder(config, logger);
    await embedder.init();
    if (options.vectorIndex !== 'rebuild') await vectors.init(embedder.identity);
    const store = new PgStore(database.db);
    const lifecycle = pgLifecycle(database.db);
    const statistics = await plannerStatisticsFor(database, logger);
    const metrics = createMetrics({
      defaultMetrics: true,
      vectorIndexSize: () => vectors.count(),
      outboxPending: () => store.outbox.pendingCount(),
      expiryBacklog: () => lifecycle.expiry.backlog(new Date()),
      forgetUnfinished: () => lifecycle.forgetting.unfinishedCount(),
    });
    const llm = createLlm(config, logger, metrics);
    const extractor = await startExtractor(config, llm, logger);
    closers.push(() => extractor.close?.() ?? Promise.resolve());
    const crossEncoder = createCrossEncoder(config);
    await crossEncoder?.init();
    const services = createServices(
      {
        store,
        lifecycle,
        settings: new PgSettingsRepository(database.db),
        apiKeys: new PgApiKeyRepository(database.db),
        vectors,
        embedder,
        ...(embedder instanceof GloveEmbedder ? { wordVectors: embedder } : {}),
        ...(crossEncoder ? { crossEncoder } : {}),
        extractor,
        llm,
        clock: { now: () => new Date() },
        telemetry: metricsTelemetry(metrics, embedder.identity.provider),
        tracer,
        log: logger,
        lock: lockFor(database),
        ...(statistics ? { statistics } : {}),
        readinessChecks: [
          new DatabaseReadinessCheck(database.db),
          new ChromaReadinessCheck(vectors, chroma.managed ? { managed: chroma.managed } : {}),
        ],
      },
      config.memory,
    );
    if (options.vectorIndex !== 'rebuild') {
      services.index.start(options.reconcileEveryMs ?? 30_000);
      closers.push(() => services.index.stop());
    }
    if (options.vectorIndex !== 'rebuild' && (options.sweeps ?? options.reconcileEveryMs !== 0)) {
      services.sweeps.start(config.lifecycle.sweepEverySeconds * 1000);
      closers.push(() => services.sweeps.stop());
    }
    const maintenance = services.statistics;
    if (maintenance) {
      maintenance.start(options.statisticsEveryMs ?? 10_000);
      closers.push(() => maintenance.stop());
    }
    return { services: { ...services, metrics }, database, embedder, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export type Container = Awaited<ReturnType<typeof createContainer>>;

async function openVectorIndex(config: Config, logger: Logger, tracer: Tracer) {
  if (config.chroma.url) {
    return {
      index: new ChromaVectorIndex({ url: config.chroma.url, tracer }),
      managed: undefined,
      close: async () => {},
    };
  }
  const managed = new ManagedChroma({ persistDirectory: config.chroma.persistDirectory });
  managed.on('exited', ({ code, signal }) =>
    logger.warn({ code, signal }, 'managed chroma exited; restarting'),
  );
  managed.on('restarted', ({ url, pid }) => logger.info({ url, pid }, 'managed chroma restarted'));
  managed.on('restart-failed', (error) =>
    logger.error({ err: error }, 'managed chroma restart failed'),
  );
  const url = await managed.start();
  logger.info({ url, path: config.chroma.persistDirectory }, 'managed chroma running');
  return { index: new ChromaVectorIndex({ url, tracer }), managed, close: () => managed.stop() };
}

function createCrossEncoder(config: Config): TransformersReranker | undefined {
  if (!config.reranker.model) return undefined;
  return new TransformersReranker({
    model: config.reranker.model,
    cacheDirectory: path.join(config.dataDir, 'models'),
    allowRemoteModels: config.embeddings.allowDownload,
  });
}

function createEmbedder(config: Config, logger: Logger): Embedder {
  const { provider, model, baseUrl, api, apiKey, allowDownload } = config.embeddings;
  if (provider === 'transformers') {
    return new TransformersEmbedder({
      model,
      cacheDirectory: path.join(config.dataDir, 'models'),
      allowRemoteModels: allowDownload,
    });
  }
  if (provider === 'http') {
    return new HttpEmbedder({
      baseUrl: baseUrl ?? '',
      api,
      model,
      ...(apiKey ? { apiKey } : {}),
    });
  }
  let last = '';
  return new GloveEmbedder({
    cacheDirectory: path.join(config.dataDir, 'embeddings'),
    onProgress: ({ phase, fraction }) => {
      const step = `${phase}:${Math.floor(fraction * 10) * 10}`;
      if (step !== last)
        logger.info(
          { phase, percent: Math.floor(fraction * 100) },
          'converting GloVe embeddings (first start only)',
        );
      last = step;
    },
  });
}

/** The configured extractor, initialised; the rules extractor on a worker thread unless EXTRACTION_THREAD=false. */
async function startExtractor(
  config: Config,
  llm: Llm | undefined,
  logger: Logger,
): Promise<EntityExtractor & { close?: () => Promise<void> }> {
  const { confidenceThreshold, extractor: kind, thread } = config.extraction;
  if (kind !== 'llm' && thread) {
    const threaded = new WorkerEntityExtractor({ confidenceThreshold });
    try {
      await threaded.init();
      return threaded;
    } catch (error) {
      logger.warn({ err: error }, 'extraction thread did not start: extracting on the main thread');
    }
  }
  const extractor = createExtractor(config, llm, logger);
  await extractor.init();
  return extractor;
}

function createExtractor(config: Config, llm: Llm | undefined, logger: Logger): EntityExtractor {
  const confidenceThreshold = config.extraction.confidenceThreshold;
  const rules = new RulesEntityExtractor({ confidenceThreshold });
  if (config.extraction.extractor !== 'llm') return rules;
  if (!llm) {
    logger.warn('ENTITY_EXTRACTOR=llm but no LLM_BASE_URL is set: using the rules extractor');
    return rules;
  }
  return new LlmEntityExtractor({ llm, fallback: rules, logger, confidenceThreshold });
}

function createLlm(config: Config, logger: Logger, metrics: Metrics): Llm | undefined {
  const { baseUrl, provider, model, apiKey, timeoutMs } = config.llm;
  if (!baseUrl) {
    logger.info(
      'no LLM configured (LLM_BASE_URL unset): rule-based conversations, extractive summaries, /chat answers null',
    );
    return undefined;
  }
  const options = {
    baseUrl,
    model,
    timeoutMs,
    maxRetries: 2,
    ...(apiKey ? { apiKey } : {}),
    onUsage: (usage: { promptTokens: number; completionTokens: number }) => {
      metrics.llmTokens.labels('prompt').inc(usage.promptTokens);
      metrics.llmTokens.labels('completion').inc(usage.completionTokens);
    },
    onError: (reason: string) => metrics.llmErrors.labels(reason).inc(),
  };
  logger.info({ provider, model, baseUrl }, 'LLM configured');
  return provider === 'ollama' ? new OllamaChatLlm(options) : new OpenAiChatLlm(options);
}

/** PGlite runs no autovacuum, so Engram analyses; a server does it itself unless autovacuum is off. */
async function plannerStatisticsFor(database: DatabaseHandle, logger: Logger) {
  if (database.engine === 'pglite') return new PgPlannerStatistics(database.db);
  if (await autovacuumRuns(database.db)) return undefined;
  logger.warn(
    'autovacuum (or track_counts) is off on the PostgreSQL server: Engram analyses its tables itself; turn autovacuum on to also reclaim dead rows',
  );
  return new PgPlannerStatistics(database.db);
}

async function prepareSchema(database: DatabaseHandle, logger: Logger): Promise<void> {
  if (database.kind === 'embedded') {
    const applied = await migrateUp(database.db);
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    return;
  }
  const pending = await pendingMigrations(database.db);
  if (pending.length > 0) {
    throw new ConflictError(
      `database schema is behind (pending: ${pending.join(', ')}); run \`engram migrate up\` first`,
    );
  }
}
