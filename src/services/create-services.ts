import type { ApiKeyRepository } from '../ports/api-key-repository.js';
import type { Clock } from '../ports/clock.js';
import type { Embedder } from '../ports/embedder.js';
import type { EntityExtractor } from '../ports/entity-extractor.js';
import type { ImportFailureLog } from '../ports/import-failure-log.js';
import type { LegacySource } from '../ports/legacy-source.js';
import type { LifecyclePorts } from '../ports/lifecycle.js';
import type { Llm } from '../ports/llm.js';
import type { Lock } from '../ports/lock.js';
import type { Log } from '../ports/log.js';
import type { PlannerStatistics } from '../ports/planner-statistics.js';
import type { ReadinessCheck } from '../ports/readiness-check.js';
import type { Reranker } from '../ports/reranker.js';
import type { SettingsRepository } from '../ports/settings-repository.js';
import type { Store } from '../ports/store.js';
import type { Telemetry } from '../ports/telemetry.js';
import type { Tracer } from '../ports/tracer.js';
import type { VectorIndex } from '../ports/vector-index.js';
import type { WordVectors } from '../ports/word-vectors.js';
import { ApiKeyService } from './access/api-key-service.js';
import { ScopeTransfer } from './archive/scope-transfer.js';
import { ChatService } from './conversations/chat-service.js';
import { ConversationService } from './conversations/conversation-service.js';
import { SummaryService } from './conversations/summary-service.js';
import { ExpirySweeper } from './expiry/expiry-sweeper.js';
import { ScopeForgetting } from './forget/scope-forgetting.js';
import { EntityExtraction } from './graph/entity-extraction.js';
import { GraphLinker } from './graph/graph-linker.js';
import { GraphService } from './graph/graph-service.js';
import { EntityCorrections } from './graph-edits/entity-corrections.js';
import { HealthService } from './health/health-service.js';
import { StorageState } from './health/storage-state.js';
import { LegacyImport } from './import/legacy-import.js';
import { IndexSync } from './indexing/index-sync.js';
import { OutboxReadinessCheck } from './indexing/outbox-readiness-check.js';
import { ReindexService } from './indexing/reindex-service.js';
import { LifecycleSweeps } from './lifecycle/lifecycle-sweeps.js';
import { StatisticsMaintenance } from './maintenance/statistics-maintenance.js';
import { MemoryReader } from './memories/memory-reader.js';
import { MemoryWriter } from './memories/memory-writer.js';
import { ScopeService } from './scopes/scope-service.js';
import { ScopeVocabulary } from './search/scope-vocabulary.js';
import { SearchService, type SearchTuning } from './search/search-service.js';

/** The adapters services run on, chosen by the container (or a test or bench rig). */
export interface ServicePorts {
  readonly store: Store;
  /** Graph corrections, forget jobs, expiry and per-scope export and import. */
  readonly lifecycle: LifecyclePorts;
  /** Durable installation facts (reindex progress). */
  readonly settings: SettingsRepository;
  readonly vectors: VectorIndex;
  readonly embedder: Embedder;
  /** The embedder's word vectors (GloVe), for the search reranker; absent: no second stage. */
  readonly wordVectors?: WordVectors | undefined;
  /** A cross-encoder for the search reranker's best hits (optional; `RERANKER_MODEL`). */
  readonly crossEncoder?: Reranker | undefined;
  readonly extractor: EntityExtractor;
  /** Absent: rule-based conversations, extractive summaries, `response: null` chat answers. */
  readonly llm?: Llm | undefined;
  readonly clock: Clock;
  readonly telemetry?: Telemetry;
  /** Per-span timings of searches (opt-in profiling); absent: none. */
  readonly tracer?: Tracer;
  readonly log?: Log;
  /** Cross-process lock for the outbox reconciler (replicas on one PostgreSQL server). */
  readonly lock?: Lock;
  /** Planner statistics to keep fresh (PGlite, or a server without autovacuum); absent: the database does it. */
  readonly statistics?: PlannerStatistics;
  /** Readiness of the adapters themselves (database, vector index), first in `/ready`. */
  readonly readinessChecks?: readonly ReadinessCheck[];
  /** Stored API keys; absent: no `keys` service (the HTTP API then has no key routes). */
  readonly apiKeys?: ApiKeyRepository;
}

/** The service settings of the configuration. */
export interface ServiceSettings {
  readonly maxChunkTokens: number;
  readonly topK: number;
  readonly scoreThreshold: number;
  /** Default lifetime of ephemeral memories in seconds (absent: never expire). */
  readonly ephemeralTtlSeconds?: number | undefined;
  /** Search tuning over the defaults (benchmarks compare configurations with it). */
  readonly searchTuning?: Partial<SearchTuning> | undefined;
}

/** The composition root of the services: builds every one of them, once, from their ports. */
export function createServices(ports: ServicePorts, settings: ServiceSettings) {
  const { store, vectors, embedder, clock } = ports;
  const observed = {
    ...(ports.telemetry ? { telemetry: ports.telemetry } : {}),
    ...(ports.log ? { log: ports.log } : {}),
  };
  const llm = ports.llm ? { llm: ports.llm } : {};
  const extraction = new EntityExtraction(ports.extractor, ports.telemetry);
  const index = new IndexSync({
    store,
    vectors,
    embedder,
    ...observed,
    ...(ports.lock ? { lock: ports.lock } : {}),
  });
  // One count of each scope's words, kept by the writes and read by the searches.
  const vocabulary = ports.wordVectors
    ? new ScopeVocabulary(store.memories, ports.wordVectors)
    : undefined;
  const writer = new MemoryWriter({
    store,
    vocabulary,
    extraction,
    linker: new GraphLinker(),
    index,
    clock,
    maxChunkTokens: settings.maxChunkTokens,
    ...(settings.ephemeralTtlSeconds ? { ephemeralTtlSeconds: settings.ephemeralTtlSeconds } : {}),
    ...observed,
  });
  const lock = ports.lock ? { lock: ports.lock } : {};
  const forgetting = new ScopeForgetting({
    jobs: ports.lifecycle.forgetting,
    index,
    clock,
    ...lock,
    ...observed,
  });
  const expiry = new ExpirySweeper({
    expiry: ports.lifecycle.expiry,
    index,
    clock,
    ...lock,
    ...(ports.log ? { log: ports.log } : {}),
  });
  const search = new SearchService({
    store,
    vectors,
    embedder,
    extraction,
    clock,
    defaultTopK: settings.topK,
    defaultScoreThreshold: settings.scoreThreshold,
    wordVectors: ports.wordVectors,
    vocabulary,
    crossEncoder: ports.crossEncoder,
    ...(settings.searchTuning ? { tuning: settings.searchTuning } : {}),
    ...(ports.tracer ? { tracer: ports.tracer } : {}),
    ...observed,
  });
  const reindex = new ReindexService({ store, settings: ports.settings, vectors, embedder });
  // The smallest write there is: one settings row, rewritten in place.
  const storage = new StorageState({
    clock,
    probe: () => ports.settings.set('storage_probe', { at: clock.now().toISOString() }),
  });
  const conversationDeps = { writer, search, ...llm, ...observed };
  return {
    writer,
    reader: new MemoryReader(store),
    search,
    graph: new GraphService(store.graph),
    scopes: new ScopeService({
      catalog: store.catalog,
      graph: store.graph,
      memories: store.memories,
    }),
    corrections: new EntityCorrections({
      graph: store.graph,
      corrections: ports.lifecycle.corrections,
      clock,
      ...(ports.telemetry ? { telemetry: ports.telemetry } : {}),
    }),
    index,
    reindex,
    /** The per-scope word counts the reranker reads (absent without word vectors). */
    vocabulary,
    /** Absent when the database keeps its own statistics (autovacuum). */
    statistics: ports.statistics
      ? new StatisticsMaintenance({
          statistics: ports.statistics,
          ...(ports.lock ? { lock: ports.lock } : {}),
          ...(ports.log ? { log: ports.log } : {}),
        })
      : undefined,
    summaries: new SummaryService({
      extractor: ports.extractor,
      embedder,
      ...llm,
      ...(ports.log ? { logger: ports.log } : {}),
    }),
    conversations: new ConversationService(conversationDeps),
    chat: new ChatService(conversationDeps),
    forgetting,
    expiry,
    transfer: new ScopeTransfer({
      archive: ports.lifecycle.archive,
      store,
      index,
      clock,
      ...observed,
    }),
    sweeps: new LifecycleSweeps(forgetting, expiry, ports.log),
    storage,
    health: new HealthService([
      ...(ports.readinessChecks ?? []),
      storage.readinessCheck(),
      new OutboxReadinessCheck(index),
      reindex.readinessCheck(),
      expiry.readinessCheck(),
      forgetting.readinessCheck(),
    ]),
    keys: ports.apiKeys ? new ApiKeyService({ repository: ports.apiKeys, clock }) : undefined,
    /** An import of one legacy source into this store. */
    legacyImport: (source: LegacySource, failures: ImportFailureLog) =>
      new LegacyImport({ source, failures, clock, writer, lookup: store.memories }),
  };
}

export type Services = ReturnType<typeof createServices>;
