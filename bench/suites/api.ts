import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ChromaVectorIndex } from '../../src/adapters/chroma/chroma-vector-index.js';
import { ManagedChroma } from '../../src/adapters/chroma/managed-chroma.js';
import { GloveEmbedder } from '../../src/adapters/embeddings/glove-embedder.js';
import { scopeOf } from '../../src/domain/scope.js';
import type { BenchSuite } from '../support/bench-suite.js';
import { ChatGenerator, type ChatMemory } from '../support/chat-generator.js';
import { type EngramProcess, startEngramProcess } from '../support/engram-process.js';
import { BENCH_EMBEDDINGS_CACHE } from '../support/engram-stack.js';
import { processTreeRss, rssMb } from '../support/process-stats.js';
import { round } from '../support/recall-table.js';

interface Settings {
  readonly n: number;
  readonly batch: number;
  readonly clients: number;
  readonly queries: number;
  readonly users: number;
}

interface Percentiles {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

/** `engram bench api`: ingest through POST /memories/batch and search latency over HTTP against a real `engram serve`, vs GloVe + Chroma alone. */
const api: BenchSuite = async ({ flags, log }) => {
  const settings: Settings = {
    n: Number(flags['n'] ?? 100_000),
    batch: Number(flags['batch'] ?? 500),
    clients: Number(flags['clients'] ?? 2),
    queries: Number(flags['queries'] ?? 1000),
    users: Number(flags['users'] ?? 100),
  };
  const generator = new ChatGenerator(settings.users);
  const memories = Array.from({ length: settings.n }, (_, index) => generator.memory(index));
  const questions = Array.from({ length: settings.queries }, () => generator.question());
  const engram = await measureEngram(settings, memories, questions, log);
  log('api: vector-only baseline (GloVe + Chroma in process, same texts and batches)');
  const baseline = await measureVectorOnly(settings, memories, questions);
  const result = {
    suite: 'api',
    n: settings.n,
    ...engram,
    baselines: { vector_only: baseline },
    ratios: {
      ingest: round(engram.ingest_per_second / baseline.ingest_per_second),
      search_p95: round(engram.search_ms.p95 / baseline.search_ms.p95),
    },
  };
  return { result, markdown: markdown(settings, result) };
};

async function measureEngram(
  settings: Settings,
  memories: ChatMemory[],
  questions: ChatMemory[],
  log: (line: string) => void,
) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'engram-bench-api-'));
  const server = await startEngramProcess(dataDir);
  try {
    log(`api: engram serve pid ${server.pid} at ${server.url}; ingesting ${settings.n} memories`);
    const ingest = await ingestOverHttp(server, memories, settings, log);
    await waitForOutbox(server);
    const rssAfterIngest = await processTreeRss(server.pid);
    const breakdown = await ingestBreakdown(server, ingest.seconds);
    log(`api: ${round(ingest.perSecond)} memories/s; searching ${questions.length} queries`);
    const latencies = await searchOverHttp(server, questions);
    const rssAfterSearch = await processTreeRss(server.pid);
    return {
      ingest_per_second: round(ingest.perSecond),
      created: ingest.created,
      duplicates: ingest.duplicates,
      errors: ingest.errors,
      ingest_seconds: round(ingest.seconds),
      ingest_breakdown_seconds: breakdown,
      search_ms: percentiles(latencies),
      rss_mb: { after_ingest: rssAfterIngest, after_search: rssAfterSearch },
    };
  } catch (error) {
    log(`api: engram serve output:\n${server.output()}`);
    throw error;
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function ingestOverHttp(
  server: EngramProcess,
  memories: ChatMemory[],
  settings: Settings,
  log: (line: string) => void,
) {
  const tally = { created: 0, duplicates: 0, errors: 0 };
  let next = 0;
  let reported = 0;
  const started = performance.now();
  const client = async () => {
    while (next < memories.length) {
      const items = memories
        .slice(next, next + settings.batch)
        .map((memory) => ({ content: memory.content, user_id: memory.userId }));
      next += settings.batch;
      const response = await post<{ results: Array<{ status: string }> }>(
        server,
        '/memories/batch',
        { items },
      );
      for (const item of response.results ?? []) {
        if (item.status === 'created') tally.created += 1;
        else if (item.status === 'duplicate') tally.duplicates += 1;
        else tally.errors += 1;
      }
      const done = tally.created + tally.duplicates + tally.errors;
      if (done - reported >= 10_000) {
        reported = done;
        log(
          `api: ${done}/${memories.length} in ${((performance.now() - started) / 1000).toFixed(0)} s`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: settings.clients }, client));
  const seconds = (performance.now() - started) / 1000;
  return { ...tally, seconds, perSecond: memories.length / seconds };
}

async function searchOverHttp(server: EngramProcess, questions: ChatMemory[]): Promise<number[]> {
  for (const question of questions.slice(0, 20))
    await post(server, '/memories/search', { query: question.content, user_id: question.userId });
  const latencies: number[] = [];
  for (const question of questions) {
    const started = performance.now();
    await post(server, '/memories/search', { query: question.content, user_id: question.userId });
    latencies.push(performance.now() - started);
  }
  return latencies;
}

async function post<T>(server: EngramProcess, route: string, body: unknown): Promise<T> {
  const response = await fetch(`${server.url}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as T;
  if (!response.ok)
    throw new Error(`${route} answered ${response.status}: ${JSON.stringify(json).slice(0, 300)}`);
  return json;
}

async function waitForOutbox(server: EngramProcess): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const ready = (await (await fetch(`${server.url}/ready`)).json()) as {
      checks: Record<string, { detail?: { pending?: number } }>;
    };
    if ((ready.checks['outbox']?.detail?.pending ?? 0) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Where ingest time went, from the server's own /metrics (seconds summed over both clients' requests). */
async function ingestBreakdown(server: EngramProcess, wallSeconds: number) {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const sum = (name: string, filter = '') =>
    text
      .split('\n')
      .filter((line) => line.startsWith(`${name}_sum`) && line.includes(filter))
      .reduce((total, line) => total + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
  const requests = sum('http_request_duration_seconds', '/memories/batch');
  const extraction = sum('entity_extraction_seconds');
  const embedding = sum('embedding_seconds');
  return {
    wall: round(wallSeconds),
    batch_requests: round(requests),
    entity_extraction: round(extraction),
    embedding: round(embedding),
    other_postgres_chroma_http: round(requests - extraction - embedding),
  };
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
    const rss = {
      bench_process: (await rssMb(process.pid)) ?? 0,
      chroma: chroma.pid ? ((await processTreeRss(chroma.pid))['total'] ?? 0) : 0,
    };
    return {
      ingest_per_second: round(memories.length / seconds),
      search_ms: percentiles(latencies),
      rss_mb: rss,
    };
  } finally {
    await chroma.stop();
    await rm(directory, { recursive: true, force: true });
  }
}

function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((left, right) => left - right);
  const at = (q: number) =>
    round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

function markdown(
  settings: Settings,
  result: {
    ingest_per_second: number;
    search_ms: Percentiles;
    created: number;
    duplicates: number;
    errors: number;
    ingest_breakdown_seconds: Record<string, number>;
    rss_mb: { after_ingest: Record<string, number>; after_search: Record<string, number> };
    baselines: { vector_only: { ingest_per_second: number; search_ms: Percentiles } };
    ratios: { ingest: number; search_p95: number };
  },
): string {
  const base = result.baselines.vector_only;
  const b = result.ingest_breakdown_seconds;
  const rss = result.rss_mb.after_search;
  return [
    `End to end over HTTP on loopback against \`engram serve\` (PGlite in DATA_DIR, managed Chroma, GloVe, rules extractor): ${settings.n} generated chat memories over ${settings.users} users, POST /memories/batch of ${settings.batch} from ${settings.clients} concurrent clients; then ${settings.queries} sequential scoped POST /memories/search (top 5, hybrid).`,
    '',
    '| method | ingest memories/s | search p50 ms | p95 ms | p99 ms |',
    '|---|---|---|---|---|',
    `| engram over HTTP (extraction + Postgres + embedding + Chroma) | ${result.ingest_per_second.toFixed(0)} | ${result.search_ms.p50.toFixed(1)} | ${result.search_ms.p95.toFixed(1)} | ${result.search_ms.p99.toFixed(1)} |`,
    `| vector-only baseline (GloVe + Chroma, in process, no HTTP) | ${base.ingest_per_second.toFixed(0)} | ${base.search_ms.p50.toFixed(1)} | ${base.search_ms.p95.toFixed(1)} | ${base.search_ms.p99.toFixed(1)} |`,
    '',
    `Ratios engram / baseline: ingest ${result.ratios.ingest.toFixed(2)}×, search p95 ${result.ratios.search_p95.toFixed(1)}×. Targets: ≥ 300 memories/s, p95 ≤ 40 ms. Created ${result.created}, duplicates ${result.duplicates}, errors ${result.errors}.`,
    `Ingest time (server /metrics, summed over concurrent requests): batch requests ${b['batch_requests']} s of ${b['wall']} s wall; entity extraction ${b['entity_extraction']} s, embedding ${b['embedding']} s, the rest (Postgres, Chroma, dedup, HTTP) ${b['other_postgres_chroma_http']} s.`,
    `RSS after search: engram ${rss['engram']} MB, chroma ${rss['chroma'] ?? 0} MB, total ${rss['total']} MB.`,
  ].join('\n');
}

export default api;
