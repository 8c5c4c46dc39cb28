import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { ChromaVectorIndex } from '../../src/adapters/chroma/chroma-vector-index.js';
import { ManagedChroma } from '../../src/adapters/chroma/managed-chroma.js';
import { GloveEmbedder } from '../../src/adapters/embeddings/glove-embedder.js';
import { scopeOf } from '../../src/domain/scope.js';
import { eventLoopP99, ingest, percentiles, searchLoad } from '../support/api-load.js';
import { apiMarkdown } from '../support/api-markdown.js';
import type { BenchSuite } from '../support/bench-suite.js';
import { ChatGenerator, type ChatMemory } from '../support/chat-generator.js';
import { type EngramProcess, startEngramProcess } from '../support/engram-process.js';
import { BENCH_EMBEDDINGS_CACHE } from '../support/engram-stack.js';
import { processTreeRss, rssMb } from '../support/process-stats.js';
import { round } from '../support/recall-table.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/engram.mjs');

interface Settings {
  readonly n: number;
  readonly heavy: number;
  readonly batch: number;
  readonly clients: number;
  readonly queries: number;
  readonly users: number;
  readonly levels: readonly number[];
}

interface Engine {
  readonly name: string;
  readonly bin: string;
  readonly databaseUrl?: string;
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * `engram bench api`: against real `engram serve` processes over HTTP — `n` memories over `users`
 * users (batches across users), then `heavy` memories of one user (batches within it); searches of
 * both populations at each concurrency level. Engines: this build (embedded), `--baseline-root DIR`
 * (another checkout's build, e.g. the previous default) and `--database-url URL` (this build on a
 * PostgreSQL server), plus GloVe + Chroma alone, all in the same run.
 */
const api: BenchSuite = async ({ flags, log }) => {
  const settings: Settings = {
    n: Number(flags['n'] ?? 20_000),
    heavy: Number(flags['heavy'] ?? 5_000),
    batch: Number(flags['batch'] ?? 100),
    clients: Number(flags['clients'] ?? 2),
    queries: Number(flags['queries'] ?? 200),
    users: Number(flags['users'] ?? 100),
    levels: (flags['levels'] ?? '1,4,16,64').split(',').map(Number),
  };
  const data = workload(settings);
  const engines = enginesFrom(flags);
  const runs = [];
  for (const engine of engines) {
    log(`api: ${engine.name}`);
    runs.push({
      engine: engine.name,
      ...(await measureEngine(engine, settings, data, log)),
    });
  }
  // `--vector-only-n`: the baseline on the first N texts only (it writes one request per user per batch).
  const vectorOnlyN = Number(flags['vector-only-n'] ?? settings.n);
  log(
    `api: vector-only baseline (GloVe + Chroma in process, the first ${vectorOnlyN} texts and batches)`,
  );
  const vectorOnly = await measureVectorOnly(
    settings,
    data.many.slice(0, vectorOnlyN),
    data.manyQuestions,
  );
  const result = { suite: 'api', settings, runs, baselines: { vector_only: vectorOnly } };
  return { result, markdown: apiMarkdown(settings, runs, vectorOnly) };
};

/** The texts: `n` over `users` users, `heavy` of one user, and questions of both. */
function workload(settings: Settings) {
  const generator = new ChatGenerator(settings.users);
  const many = Array.from({ length: settings.n }, (_, index) => generator.memory(index));
  const manyQuestions = Array.from({ length: settings.queries }, () => generator.question());
  const single = new ChatGenerator(1, 7);
  const heavy = Array.from({ length: settings.heavy }, (_, index) => ({
    ...single.memory(index),
    userId: 'heavy',
  }));
  const heavyQuestions = Array.from({ length: settings.queries }, () => ({
    ...single.question(),
    userId: 'heavy',
  }));
  return { many, heavy, manyQuestions, heavyQuestions };
}

/**
 * This build's embedded engines (`--embedded postgres,pglite`: the managed PostgreSQL server, the
 * default, and PGlite), plus `--baseline-root` and `--database-url` engines when given.
 */
function enginesFrom(flags: Readonly<Record<string, string>>): Engine[] {
  const embedded = (flags['embedded'] ?? 'postgres,pglite').split(',').filter(Boolean);
  const names: Record<string, string> = {
    postgres: 'this build, embedded PostgreSQL (default)',
    pglite: 'this build, embedded PGlite (EMBEDDED_DATABASE=pglite)',
  };
  return [
    ...embedded.map((engine) => ({
      name: names[engine] ?? engine,
      bin: BIN,
      env: { EMBEDDED_DATABASE: engine },
    })),
    ...(flags['baseline-root']
      ? [
          {
            name: 'baseline build, embedded (PGlite)',
            bin: path.resolve(flags['baseline-root'], 'bin/engram.mjs'),
          },
        ]
      : []),
    ...(flags['database-url']
      ? [{ name: 'this build, DATABASE_URL', bin: BIN, databaseUrl: flags['database-url'] }]
      : []),
  ];
}

async function measureEngine(
  engine: Engine,
  settings: Settings,
  data: {
    many: ChatMemory[];
    heavy: ChatMemory[];
    manyQuestions: ChatMemory[];
    heavyQuestions: ChatMemory[];
  },
  log: (line: string) => void,
) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'engram-bench-api-'));
  const database = engine.databaseUrl
    ? await freshDatabase(engine.databaseUrl, engine.bin)
    : undefined;
  const server = await startEngramProcess(
    dataDir,
    { ...engine.env, ...(database ? { DATABASE_URL: database.url } : {}) },
    [],
    engine.bin,
  );
  try {
    const options = { batch: settings.batch, clients: settings.clients };
    const ingestMany = await ingestAndIndex(server, data.many, options, log);
    log(`api: across users ${JSON.stringify(ingestMany)}; one heavy user next`);
    const ingestHeavy = await ingestAndIndex(server, data.heavy, options, log);
    log(`api: one user ${JSON.stringify(ingestHeavy)}; searching`);
    const rssAfterIngest = await processTreeRss(server.pid);
    const startedMs = server.startMs ?? 0;
    const search: Record<string, unknown[]> = { many_users: [], heavy_user: [] };
    for (const clients of settings.levels) {
      const manyUsers = await searchLoad(server, data.manyQuestions, clients);
      const heavyUser = await searchLoad(server, data.heavyQuestions, clients);
      search['many_users']?.push(manyUsers);
      search['heavy_user']?.push(heavyUser);
      log(
        `api: ${clients} clients: ${JSON.stringify({ many_users: manyUsers, heavy_user: heavyUser })}`,
      );
    }
    await eventLoopP99(server);
    return {
      start_ms: startedMs,
      ingest: { many_users: ingestMany, heavy_user: ingestHeavy },
      search,
      rss_mb: { after_ingest: rssAfterIngest, after_search: await processTreeRss(server.pid) },
    };
  } catch (error) {
    log(`api: engram serve output:\n${server.output()}`);
    throw error;
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
    await database?.drop();
  }
}

/** A new empty database on the server at `url`, migrated by `bin`; `drop()` removes it. */
async function freshDatabase(url: string, bin: string) {
  const name = `engram_bench_${randomBytes(5).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(statement).finally(() => client.end());
  };
  await admin(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  await promisify(execFile)(process.execPath, [bin, 'migrate', 'up'], {
    env: { ...process.env, DATABASE_URL: target.toString() },
  });
  return {
    url: target.toString(),
    drop: () => admin(`drop database if exists ${name} with (force)`),
  };
}

/**
 * `ingest`, then the wait until the outbox is empty: `indexed_per_second` counts until every
 * vector is written (a batch across many users is indexed in the background after its answer).
 */
async function ingestAndIndex(
  server: EngramProcess,
  memories: readonly ChatMemory[],
  options: { batch: number; clients: number },
  log: (line: string) => void,
) {
  const started = performance.now();
  const result = await ingest(server, memories, options, log);
  await waitForOutbox(server);
  const seconds = (performance.now() - started) / 1000;
  return { ...result, indexed_per_second: round(memories.length / seconds) };
}

async function waitForOutbox(server: { url: string }): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const ready = (await (await fetch(`${server.url}/ready`)).json()) as {
      checks: Record<string, { detail?: { pending?: number } }>;
    };
    if ((ready.checks['outbox']?.detail?.pending ?? 0) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function measureVectorOnly(
  settings: Settings,
  memories: ChatMemory[],
  questions: ChatMemory[],
) {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'engram-bench-api-chroma-'));
  const chroma = new ManagedChroma({ persistDirectory: directory, restart: false });
  try {
    const url = await chroma.start();
    const embedder = new GloveEmbedder({ cacheDirectory: BENCH_EMBEDDINGS_CACHE });
    await embedder.init();
    const vectors = new ChromaVectorIndex({ url });
    await vectors.init(embedder.identity);
    let next = 0;
    const started = performance.now();
    const client = async () => {
      while (next < memories.length) {
        const batch = memories.slice(next, next + settings.batch);
        next += settings.batch;
        const embeddings = await embedder.embed(batch.map((memory) => memory.content));
        await vectors.upsert(
          batch.map((memory, index) => ({
            id: randomUUID(),
            scope: scopeOf(memory.userId),
            memoryType: 'ephemeral' as const,
            embedding: embeddings[index] ?? [],
          })),
        );
      }
    };
    await Promise.all(Array.from({ length: settings.clients }, client));
    const seconds = (performance.now() - started) / 1000;
    const latencies: number[] = [];
    for (const question of questions) {
      const begun = performance.now();
      const [embedding = []] = await embedder.embed([question.content]);
      await vectors.query({ embedding, scope: scopeOf(question.userId), topK: 5 });
      latencies.push(performance.now() - begun);
    }
    return {
      ingest_per_second: round(memories.length / seconds),
      search_ms: percentiles(latencies),
      rss_mb: {
        bench_process: (await rssMb(process.pid)) ?? 0,
        chroma: chroma.pid ? ((await processTreeRss(chroma.pid))['total'] ?? 0) : 0,
      },
    };
  } finally {
    await chroma.stop();
    await rm(directory, { recursive: true, force: true });
  }
}

export default api;
