import path from 'node:path';
import { ChromaReadinessCheck } from './adapters/chroma/chroma-readiness-check.js';
import { ChromaVectorIndex } from './adapters/chroma/chroma-vector-index.js';
import { ManagedChroma } from './adapters/chroma/managed-chroma.js';
import { GloveEmbedder } from './adapters/embeddings/glove-embedder.js';
import { HttpEmbedder } from './adapters/embeddings/http-embedder.js';
import { TransformersEmbedder } from './adapters/embeddings/transformers-embedder.js';
import { RulesEntityExtractor } from './adapters/extraction/rules-entity-extractor.js';
import { LlmEntityExtractor } from './adapters/extraction-llm/llm-entity-extractor.js';
import { OllamaChatLlm } from './adapters/llm/ollama-chat-llm.js';
import { OpenAiChatLlm } from './adapters/llm/openai-chat-llm.js';
import {
  type DatabaseHandle,
  openEmbeddedDatabase,
  openServerDatabase,
} from './adapters/postgres/database.js';
import { DatabaseReadinessCheck } from './adapters/postgres/database-readiness-check.js';
import { migrateUp, pendingMigrations } from './adapters/postgres/migrator.js';
import { lockFor } from './adapters/postgres/pg-advisory-lock.js';
import { PgSettingsRepository } from './adapters/postgres/pg-settings-repository.js';
import { PgStore } from './adapters/postgres/pg-store.js';
import type { Config } from './config/config.js';
import { ConflictError } from './domain/errors.js';
import type { Logger } from './observability/logger.js';
import { createMetrics, type Metrics } from './observability/metrics.js';
import { metricsTelemetry } from './observability/metrics-telemetry.js';
import type { Embedder } from './ports/embedder.js';
import type { EntityExtractor } from './ports/entity-extractor.js';
import type { Llm } from './ports/llm.js';
import { SummaryService } from './services/conversations/summary-service.js';
import { createConversationServices, createCoreServices } from './services/create-services.js';
import { HealthService } from './services/health/health-service.js';
import { OutboxReadinessCheck } from './services/indexing/outbox-readiness-check.js';
import { ReindexService } from './services/indexing/reindex-service.js';

export interface ContainerOptions {
  /** `apply`: run pending migrations on the embedded database, refuse a server that is behind. */
  readonly migrations: 'apply' | 'ignore';
  /** Replay the outbox every this many ms (0: only at start). */
  readonly reconcileEveryMs?: number;
}

/** Opens the configured database: a server with DATABASE_URL, else embedded PGlite in DATA_DIR. */
export async function openDatabase(config: Config): Promise<DatabaseHandle> {
  return config.database.url
    ? openServerDatabase(config.database.url)
    : openEmbeddedDatabase(config.dataDir);
}

/** Database, vector index and embedder, opened but not yet checked against each other. */
export async function openInfrastructure(
  config: Config,
  logger: Logger,
  options: ContainerOptions,
) {
  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const closer of closers.reverse())
      await closer().catch((error: unknown) => logger.warn({ err: error }, 'close failed'));
  };
  try {
    const database = await openDatabase(config);
    closers.push(() => database.close());
    if (options.migrations === 'apply') await prepareSchema(database, logger);
    const chroma = await openVectorIndex(config, logger);
    closers.push(chroma.close);
    const embedder = createEmbedder(config, logger);
    await embedder.init();
    const store = new PgStore(database.db);
    const settings = new PgSettingsRepository(database.db);
    return {
      database,
      store,
      settings,
      vectors: chroma.index,
      managedChroma: chroma.managed,
      embedder,
      closers,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Composition root: the only module that chooses concrete adapters and wires services. */
export async function createContainer(config: Config, logger: Logger, options: ContainerOptions) {
  const infrastructure = await openInfrastructure(config, logger, options);
  const { database, store, settings, vectors, managedChroma, embedder, closers, close } =
    infrastructure;
  try {
    await vectors.init(embedder.identity);
    let pendingOutbox = async () => 0;
    const metrics = createMetrics({
      defaultMetrics: true,
      vectorIndexSize: () => vectors.count(),
      outboxPending: () => pendingOutbox(),
    });
    const telemetry = metricsTelemetry(metrics, embedder.identity.provider);
    const llm = createLlm(config, logger, metrics);
    const extractor = createExtractor(config, llm, logger);
    await extractor.init();
    const core = createCoreServices({
      store,
      vectors,
      embedder,
      extractor,
      clock: { now: () => new Date() },
      telemetry,
      log: logger,
      lock: lockFor(database),
      settings: config.memory,
    });
    const reindex = new ReindexService({ store, settings, vectors, embedder });
    const summaries = new SummaryService({ extractor, embedder, logger, ...(llm ? { llm } : {}) });
    const conversation = createConversationServices(core, {
      summaries,
      log: logger,
      ...(llm ? { llm } : {}),
    });
    pendingOutbox = () => core.index.pending();
    core.index.start(options.reconcileEveryMs ?? 30_000);
    closers.push(() => core.index.stop());
    const health = new HealthService([
      new DatabaseReadinessCheck(database.db),
      new ChromaReadinessCheck(vectors, managedChroma ? { managed: managedChroma } : {}),
      new OutboxReadinessCheck(core.index),
      reindex.readinessCheck(),
    ]);
    return {
      database,
      metrics,
      store,
      embedder,
      vectors,
      core,
      reindex,
      services: { health, metrics, ...core, ...conversation },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

export type Container = Awaited<ReturnType<typeof createContainer>>;

async function openVectorIndex(config: Config, logger: Logger) {
  if (config.chroma.url) {
    return {
      index: new ChromaVectorIndex({ url: config.chroma.url }),
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
  return { index: new ChromaVectorIndex({ url }), managed, close: () => managed.stop() };
}

function createEmbedder(config: Config, logger: Logger): Embedder {
  const { provider, model, baseUrl, api, apiKey, allowDownload } = config.embeddings;
  if (provider === 'transformers') {
    return new TransformersEmbedder({
      model: model ?? 'sentence-transformers/all-mpnet-base-v2',
      cacheDirectory: path.join(config.dataDir, 'models'),
      allowRemoteModels: allowDownload,
    });
  }
  if (provider === 'http') {
    return new HttpEmbedder({
      baseUrl: baseUrl ?? '',
      api,
      model: model ?? (api === 'ollama' ? 'nomic-embed-text' : 'text-embedding-3-small'),
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
