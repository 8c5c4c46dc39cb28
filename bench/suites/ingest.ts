import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ChromaClient, type Collection } from 'chromadb';
import { ChromaCollectionNames } from '../../src/adapters/chroma/chroma-collection-names.js';
import { ChromaVectorIndex } from '../../src/adapters/chroma/chroma-vector-index.js';
import { ManagedChroma } from '../../src/adapters/chroma/managed-chroma.js';
import { scopeOf } from '../../src/domain/scope.js';
import type { VectorRecord } from '../../src/ports/vector-index.js';
import type { BenchArgs, BenchOutcome } from '../support/bench-suite.js';

export const DIMENSIONS = 100;
export const BATCH = 1000;
export const IDENTITY = { provider: 'bench', model: 'random-unit', dimensions: DIMENSIONS };

/** `n` unit vectors from a fixed seed, spread over `users` scopes in contiguous runs. */
export function benchRecords(n: number, users: number, seed = 7): VectorRecord[] {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 31 - 1;
  };
  const perUser = Math.ceil(n / users);
  return Array.from({ length: n }, (_, index) => {
    const embedding = Array.from({ length: DIMENSIONS }, next);
    const norm = Math.sqrt(embedding.reduce((sum, x) => sum + x * x, 0));
    return {
      id: `m${index}`,
      scope: scopeOf(`user-${Math.floor(index / perUser)}`),
      memoryType: index % 3 === 0 ? 'model_memory' : 'ephemeral',
      embedding: embedding.map((x) => x / norm),
    };
  });
}

/** VmRSS of a process in MB (Linux), or undefined. */
export async function rssMb(pid: number = process.pid): Promise<number | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    return kb ? Math.round(Number(kb) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/** A managed Chroma in a fresh temporary directory, as `engram serve` would start it. */
export async function startBenchChroma() {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'engram-bench-chroma-'));
  const managed = new ManagedChroma({ persistDirectory: directory, restart: false });
  const url = await managed.start();
  return {
    url,
    pid: managed.pid as number,
    stop: async () => {
      await managed.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** The raw chromadb client doing what the adapter does: one collection per scope, same batches. */
export class RawChromaPerScope {
  readonly #client: ChromaClient;
  readonly #names: ChromaCollectionNames;
  readonly collections = new Map<string, Collection>();

  constructor(url: string, prefix: string) {
    const { hostname, port } = new URL(url);
    this.#client = new ChromaClient({ host: hostname, port: Number(port) });
    this.#names = new ChromaCollectionNames(prefix);
  }

  async collection(record: Pick<VectorRecord, 'scope'>): Promise<Collection> {
    const name = this.#names.forScope(record.scope);
    let collection = this.collections.get(name);
    if (!collection) {
      collection = await this.#client.getOrCreateCollection({
        name,
        configuration: { hnsw: { space: 'cosine' } },
        embeddingFunction: null,
      });
      this.collections.set(name, collection);
    }
    return collection;
  }

  async upsert(batch: readonly VectorRecord[]): Promise<void> {
    const first = batch[0];
    if (!first) return;
    await (await this.collection(first)).upsert({
      ids: batch.map((record) => record.id),
      embeddings: batch.map((record) => record.embedding as number[]),
      metadatas: batch.map((record) => ({ memory_type: record.memoryType })),
    });
  }
}

/** Batches of at most BATCH records that never mix scopes (bulk import of one user at a time). */
export function batchesByScope(records: readonly VectorRecord[]): VectorRecord[][] {
  const batches: VectorRecord[][] = [];
  let current: VectorRecord[] = [];
  for (const record of records) {
    const previous = current[0];
    if (current.length >= BATCH || (previous && previous.scope.userId !== record.scope.userId)) {
      batches.push(current);
      current = [];
    }
    current.push(record);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

async function timed(action: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await action();
  return (performance.now() - start) / 1000;
}

/** Sizes from `--n` (a number or a comma list); 10k and 100k by default. */
export function benchSizes(flag: string | undefined): number[] {
  return (flag ?? '10000,100000').split(',').map((size) => Number(size.trim()));
}

interface IngestRun {
  n: number;
  adapterVectorsPerSecond: number;
  rawVectorsPerSecond: number;
  overhead: number;
  engramRssMb: number | undefined;
  chromaRssMb: number | undefined;
}

/** `engram bench ingest [--n 10000,100000] [--users 10]`: vectors/s through ChromaVectorIndex vs raw chromadb. */
export default async function run(args: BenchArgs): Promise<BenchOutcome> {
  const users = Number(args.flags['users'] ?? 10);
  const runs: IngestRun[] = [];
  for (const n of benchSizes(args.flags['n'])) runs.push(await ingestOnce(n, users, args));
  const result = { suite: 'ingest', users, batch: BATCH, dimensions: DIMENSIONS, runs };
  return { result, markdown: ingestMarkdown(users, runs) };
}

async function ingestOnce(n: number, users: number, args: BenchArgs): Promise<IngestRun> {
  const batches = batchesByScope(benchRecords(n, users));
  const chroma = await startBenchChroma();
  try {
    const index = new ChromaVectorIndex({ url: chroma.url, collectionPrefix: 'adapter' });
    await index.init(IDENTITY);
    const raw = new RawChromaPerScope(chroma.url, 'raw');
    args.log(
      `ingest: ${n} vectors, ${users} users, batches of ${BATCH}, raw and adapter interleaved`,
    );
    let rawSeconds = 0;
    let adapterSeconds = 0;
    // Interleaved batch by batch (alternating who goes first) so warm-up and server growth hit both.
    for (const [number, batch] of batches.entries()) {
      if (number % 2 === 0) {
        rawSeconds += await timed(() => raw.upsert(batch));
        adapterSeconds += await timed(() => index.upsert(batch));
      } else {
        adapterSeconds += await timed(() => index.upsert(batch));
        rawSeconds += await timed(() => raw.upsert(batch));
      }
      if (number % 20 === 19) args.log(`  ${(number + 1) * BATCH} / ${n}`);
    }
    return {
      n,
      adapterVectorsPerSecond: Math.round(n / adapterSeconds),
      rawVectorsPerSecond: Math.round(n / rawSeconds),
      overhead: Number((adapterSeconds / rawSeconds).toFixed(3)),
      engramRssMb: await rssMb(),
      chromaRssMb: await rssMb(chroma.pid),
    };
  } finally {
    await chroma.stop();
  }
}

function ingestMarkdown(users: number, runs: readonly IngestRun[]): string {
  const rows = runs.map(
    (r) =>
      `| ${r.n} | ${r.adapterVectorsPerSecond} | ${r.rawVectorsPerSecond} | **${r.overhead}** | ${r.engramRssMb} | ${r.chromaRssMb} |`,
  );
  return `Random unit vectors (100-d), ${users} users, batches of ${BATCH} within one user, a fresh managed Chroma (chromadb 3.5.0, local) per size, collection per scope. Raw and adapter batches are interleaved (alternating order) into the same server; each holds its own copy of the vectors, so the Chroma RSS covers 2× n.

| n | ChromaVectorIndex.upsert vectors/s | raw chromadb, same layout and batches (baseline) vectors/s | adapter time / raw time (target ≤ 1.2) | Engram RSS MB | Chroma RSS MB |
|---|---|---|---|---|---|
${rows.join('\n')}`;
}
