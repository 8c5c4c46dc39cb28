import { ChromaClient, type Collection } from 'chromadb';
import { ChromaVectorIndex } from '../../src/adapters/chroma/chroma-vector-index.js';
import { scopeOf } from '../../src/domain/scope.js';
import type { VectorRecord } from '../../src/ports/vector-index.js';
import type { BenchArgs, BenchOutcome } from '../support/bench-suite.js';
import {
  BATCH,
  batchesByScope,
  benchRecords,
  benchSizes,
  IDENTITY,
  RawChromaPerScope,
  rssMb,
  startBenchChroma,
} from './ingest.js';

const TOP_K = 10;

interface Latencies {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

function latencies(samples: readonly number[]): Latencies {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const round = (x: number) => Number(x.toFixed(2));
  const mean = sorted.reduce((sum, x) => sum + x, 0) / Math.max(1, sorted.length);
  return { p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), mean: round(mean) };
}

/** Exact top-k ids of one user by brute force, to measure each layout's recall. */
function exactTopK(records: readonly VectorRecord[], userId: string, query: readonly number[]) {
  return records
    .filter((record) => record.scope.userId === userId)
    .map((record) => ({
      id: record.id,
      score: record.embedding.reduce((sum, x, k) => sum + x * (query[k] ?? 0), 0),
    }))
    .sort((a, b) => b.score - a.score)
    .slice(0, TOP_K)
    .map((match) => match.id);
}

const overlap = (found: readonly string[], exact: readonly string[]) =>
  found.filter((id) => exact.includes(id)).length / Math.max(1, exact.length);

async function singleCollection(url: string, records: readonly VectorRecord[]) {
  const { hostname, port } = new URL(url);
  const client = new ChromaClient({ host: hostname, port: Number(port) });
  const collection: Collection = await client.getOrCreateCollection({
    name: 'single-where',
    configuration: { hnsw: { space: 'cosine' } },
    embeddingFunction: null,
  });
  for (let start = 0; start < records.length; start += BATCH) {
    const batch = records.slice(start, start + BATCH);
    await collection.upsert({
      ids: batch.map((record) => record.id),
      embeddings: batch.map((record) => record.embedding as number[]),
      metadatas: batch.map((record) => ({
        user_id: record.scope.userId,
        memory_type: record.memoryType,
      })),
    });
  }
  return collection;
}

type Timed = (query: readonly number[], userId: string) => Promise<string[]>;

/** `engram bench search [--n 10000,100000] [--users 10] [--queries 500]`: scoped top-10 latency by layout. */
export default async function run(args: BenchArgs): Promise<BenchOutcome> {
  const users = Number(args.flags['users'] ?? 10);
  const queryCount = Number(args.flags['queries'] ?? 500);
  const runs: SearchRun[] = [];
  for (const n of benchSizes(args.flags['n'])) {
    runs.push(await searchOnce(n, users, queryCount, args));
  }
  const result = { suite: 'search', users, queries: queryCount, topK: TOP_K, runs };
  return { result, markdown: searchMarkdown(users, queryCount, runs) };
}

type PathName = 'adapter' | 'rawPerScope' | 'rawSingleWhere';

interface SearchRun {
  n: number;
  latencyMs: Record<PathName, Latencies>;
  recallAt10: Record<string, number>;
  p95Ratio: number;
  p50Ratio: number;
  engramRssMb: number | undefined;
  chromaRssMb: number | undefined;
}

async function searchOnce(
  n: number,
  users: number,
  queryCount: number,
  args: BenchArgs,
): Promise<SearchRun> {
  const records = benchRecords(n, users);
  const queries = benchRecords(queryCount, 1, 99).map((record, index) => ({
    embedding: record.embedding,
    userId: `user-${(index * 7) % users}`,
  }));
  const chroma = await startBenchChroma();
  try {
    args.log(`search: loading ${n} vectors three times (adapter, raw per scope, raw single)…`);
    const index = new ChromaVectorIndex({ url: chroma.url, collectionPrefix: 'adapter' });
    await index.init(IDENTITY);
    const raw = new RawChromaPerScope(chroma.url, 'raw');
    for (const batch of batchesByScope(records)) {
      await index.upsert(batch);
      await raw.upsert(batch);
    }
    const single = await singleCollection(chroma.url, records);
    const paths: Record<string, Timed> = {
      adapter: async (embedding, userId) =>
        (await index.query({ embedding, scope: scopeOf(userId), topK: TOP_K })).map((m) => m.id),
      rawPerScope: async (embedding, userId) => {
        const collection = await raw.collection({ scope: scopeOf(userId) });
        const result = await collection.query({
          queryEmbeddings: [embedding as number[]],
          nResults: TOP_K,
          include: ['distances'],
        });
        return result.ids[0] ?? [];
      },
      rawSingleWhere: async (embedding, userId) => {
        const result = await single.query({
          queryEmbeddings: [embedding as number[]],
          nResults: TOP_K,
          where: { user_id: userId },
          include: ['distances'],
        });
        return result.ids[0] ?? [];
      },
    };
    const measured = await measure(paths, queries, records, args);
    const { adapter, rawPerScope } = measured.latency;
    return {
      n,
      latencyMs: measured.latency,
      recallAt10: measured.recall,
      p50Ratio: Number((adapter.p50 / rawPerScope.p50).toFixed(3)),
      p95Ratio: Number((adapter.p95 / rawPerScope.p95).toFixed(3)),
      engramRssMb: await rssMb(),
      chromaRssMb: await rssMb(chroma.pid),
    };
  } finally {
    await chroma.stop();
  }
}

async function measure(
  paths: Record<string, Timed>,
  queries: readonly { embedding: readonly number[]; userId: string }[],
  records: readonly VectorRecord[],
  args: BenchArgs,
) {
  const names = Object.keys(paths);
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]]));
  const recallSums = Object.fromEntries(names.map((name) => [name, 0]));
  // Warm-up: the first queries of a collection load its index.
  for (const query of queries.slice(0, 20)) {
    for (const name of names) await paths[name]?.(query.embedding, query.userId);
  }
  for (const [number, query] of queries.entries()) {
    const exact = exactTopK(records, query.userId, query.embedding);
    // Rotate the order so no path always runs first.
    const order = names.map((_, k) => names[(k + number) % names.length] as string);
    for (const name of order) {
      const start = performance.now();
      const found = (await paths[name]?.(query.embedding, query.userId)) ?? [];
      samples[name]?.push(performance.now() - start);
      recallSums[name] = (recallSums[name] ?? 0) + overlap(found, exact);
    }
    if (number % 100 === 99) args.log(`  ${number + 1} / ${queries.length} queries`);
  }
  const latency = Object.fromEntries(names.map((name) => [name, latencies(samples[name] ?? [])]));
  const recall = Object.fromEntries(
    names.map((name) => [name, Number(((recallSums[name] ?? 0) / queries.length).toFixed(3))]),
  );
  return { latency, recall } as {
    latency: Record<'adapter' | 'rawPerScope' | 'rawSingleWhere', Latencies>;
    recall: Record<string, number>;
  };
}

function searchMarkdown(users: number, queries: number, runs: readonly SearchRun[]): string {
  const labels: Record<PathName, string> = {
    adapter: 'ChromaVectorIndex.query (collection per scope)',
    rawPerScope: 'raw chromadb, collection per scope (baseline)',
    rawSingleWhere: 'raw chromadb, one collection + where user_id (other layout)',
  };
  const rows = runs.flatMap((r) =>
    (Object.keys(labels) as PathName[]).map((key) => {
      const l = r.latencyMs[key];
      return `| ${r.n} | ${labels[key]} | ${l.p50} | ${l.p95} | ${l.p99} | ${r.recallAt10[key]} |`;
    }),
  );
  const ratios = runs
    .map(
      (r) =>
        `n=${r.n}: adapter/raw p50 **${r.p50Ratio}**, p95 **${r.p95Ratio}**; RSS Engram ${r.engramRssMb} MB, Chroma ${r.chromaRssMb} MB`,
    )
    .join('. ');
  return `Random unit vectors (100-d) over ${users} users; ${queries} scoped top-10 queries per size after 20 warm-up queries, a fresh managed Chroma per size holding three copies of the vectors (one per path); the order of the paths rotates per query.

| n | path | p50 ms | p95 ms | p99 ms | recall@10 vs exact |
|---|---|---|---|---|---|
${rows.join('\n')}

${ratios}. Targets: adapter ≤ 1.2× raw; scoped top-10 p95 ≤ 15 ms at 100k.`;
}
