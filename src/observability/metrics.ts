import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

const SECONDS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** One registry per app (not prom-client's global), so tests and replicas get a clean slate. */
export interface MetricsOptions {
  readonly defaultMetrics?: boolean;
  /** Read at scrape time: vectors in the index. */
  readonly vectorIndexSize?: () => Promise<number>;
  /** Read at scrape time: pending outbox items. */
  readonly outboxPending?: () => Promise<number>;
  /** Read at scrape time: expired memories waiting for the sweep. */
  readonly expiryBacklog?: () => Promise<number>;
  /** Read at scrape time: forget jobs not finished yet. */
  readonly forgetUnfinished?: () => Promise<number>;
}

/** Sets a gauge from an async source at scrape time; a failing source leaves it unchanged. */
function readInto(source: (() => Promise<number>) | undefined) {
  if (!source) return {};
  return {
    async collect(this: Gauge) {
      try {
        this.set(await source());
      } catch {
        // the dependency is down: /ready says so; keep the last value
      }
    },
  };
}

export function createMetrics(options: MetricsOptions = {}) {
  const registry = new Registry();
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    memoryOperations: new Counter({
      name: 'memory_operations_total',
      help: 'Memory operations by type.',
      labelNames: ['operation_type'] as const,
      registers,
    }),
    entityExtractionSeconds: new Histogram({
      name: 'entity_extraction_seconds',
      help: 'Time spent extracting entities and relationships from one text.',
      buckets: SECONDS,
      registers,
    }),
    memoryRetrievalSeconds: new Histogram({
      name: 'memory_retrieval_seconds',
      help: 'Time spent answering one memory search.',
      buckets: SECONDS,
      registers,
    }),
    embeddingSeconds: new Histogram({
      name: 'embedding_seconds',
      help: 'Time spent embedding one batch of texts.',
      labelNames: ['provider'] as const,
      buckets: SECONDS,
      registers,
    }),
    httpRequestSeconds: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by route and status code.',
      labelNames: ['method', 'route', 'status_code'] as const,
      buckets: SECONDS,
      registers,
    }),
    outboxPending: new Gauge({
      name: 'outbox_pending',
      help: 'Vector-index operations waiting in the outbox.',
      registers,
      ...readInto(options.outboxPending),
    }),
    expiryBacklog: new Gauge({
      name: 'expiry_backlog',
      help: 'Expired memories waiting for the sweep (already out of search).',
      registers,
      ...readInto(options.expiryBacklog),
    }),
    forgetJobsUnfinished: new Gauge({
      name: 'forget_jobs_unfinished',
      help: 'Forget-a-scope jobs not finished yet (resumed by the lifecycle sweeps).',
      registers,
      ...readInto(options.forgetUnfinished),
    }),
    scopesForgotten: new Counter({
      name: 'scopes_forgotten_total',
      help: 'Users and agents forgotten, by scope kind.',
      labelNames: ['scope_kind'] as const,
      registers,
    }),
    recordsForgotten: new Counter({
      name: 'records_forgotten_total',
      help: 'Records removed by forget jobs, by kind (memories, vectors, entities, relationships, history).',
      labelNames: ['kind'] as const,
      registers,
    }),
    vectorIndexSize: new Gauge({
      name: 'vector_index_size',
      help: 'Vectors in the vector index.',
      registers,
      ...readInto(options.vectorIndexSize),
    }),
    llmTokens: new Counter({
      name: 'llm_tokens_total',
      help: 'LLM tokens used, by kind (prompt, completion).',
      labelNames: ['kind'] as const,
      registers,
    }),
    llmErrors: new Counter({
      name: 'llm_errors_total',
      help: 'LLM calls that failed, by reason.',
      labelNames: ['reason'] as const,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
