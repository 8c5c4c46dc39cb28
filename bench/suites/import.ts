import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ChromaClient } from 'chromadb';
import { ChromaVectorIndex } from '../../src/adapters/chroma/chroma-vector-index.js';
import { LegacyChromaSource } from '../../src/adapters/chroma/legacy-chroma-source.js';
import { GloveEmbedder } from '../../src/adapters/embeddings/glove-embedder.js';
import { openEmbeddedDatabase } from '../../src/adapters/postgres/embedded/embedded-database.js';
import { migrateUp } from '../../src/adapters/postgres/migrator.js';
import { PgStore } from '../../src/adapters/postgres/pg-store.js';
import type { LegacyImport } from '../../src/services/import/legacy-import.js';
import { mapLegacyRecord } from '../../src/services/import/legacy-record-mapping.js';
import { legacyFixtureRecords, writeLegacyStore } from '../../test/support/legacy-fixture.js';
import type { BenchArgs, BenchOutcome } from '../support/bench-suite.js';
import { benchServices } from '../support/engram-stack.js';
import { startBenchChroma } from './ingest.js';

const CACHE = path.resolve(import.meta.dirname, '../../node_modules/.cache/engram-test/embeddings');
const COLLECTIONS = ['ephemeral', 'model_memory'];
const CLOCK = { now: () => new Date() };

/** A fresh on-disk PGlite + its own collections in `chromaUrl`, wired like `engram serve`. */
async function freshEngram(chromaUrl: string, prefix: string, embedder: GloveEmbedder) {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'engram-bench-import-'));
  const database = await openEmbeddedDatabase(directory);
  await migrateUp(database.db);
  const vectors = new ChromaVectorIndex({ url: chromaUrl, collectionPrefix: prefix });
  await vectors.init(embedder.identity);
  const store = new PgStore(database.db);
  const services = benchServices(database, { store, vectors, embedder, clock: CLOCK });
  const close = async () => {
    await database.close();
    await rm(directory, { recursive: true, force: true });
  };
  return { services, store, close };
}

async function seconds(action: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await action();
  return (performance.now() - start) / 1000;
}

/** Baseline: the same records copied between two Chroma collections with the raw client. */
async function rawCopy(fromUrl: string, toUrl: string, batch: number): Promise<number> {
  const client = (url: string) =>
    new ChromaClient({ host: new URL(url).hostname, port: Number(new URL(url).port) });
  const from = client(fromUrl);
  const to = client(toUrl);
  let copied = 0;
  for (const name of COLLECTIONS) {
    const source = await from.getCollection({ name, embeddingFunction: null as never });
    const target = await to.getOrCreateCollection({
      name: `rawcopy-${name}`,
      embeddingFunction: null,
    });
    for (let offset = 0; ; offset += batch) {
      const page = await source.get({
        offset,
        limit: batch,
        include: ['documents', 'metadatas', 'embeddings'],
      });
      if (page.ids.length > 0) {
        await target.add({
          ids: page.ids,
          documents: page.documents.map((document) => document ?? ''),
          metadatas: page.metadatas.map((metadata) => metadata ?? (null as never)),
          embeddings: page.embeddings,
        });
      }
      copied += page.ids.length;
      if (page.ids.length < batch) break;
    }
  }
  return copied;
}

/** `engram bench import [--n 10000] [--baseline-n 2000]`: legacy records/s end to end. */
export default async function run(args: BenchArgs): Promise<BenchOutcome> {
  const n = Number(args.flags['n'] ?? 10_000);
  const baselineN = Number(args.flags['baseline-n'] ?? 2000);
  const batch = 500;
  const [legacy, engramChroma] = await Promise.all([startBenchChroma(), startBenchChroma()]);
  const embedder = new GloveEmbedder({ cacheDirectory: CACHE });
  await embedder.init();
  try {
    const records = legacyFixtureRecords(n, 5);
    args.log(`import: writing a ${records.length}-record legacy fixture`);
    await writeLegacyStore(legacy.url, records);
    const source = new LegacyChromaSource({ url: legacy.url });

    const rawSeconds = await seconds(() => rawCopy(legacy.url, engramChroma.url, batch));
    args.log(`import: raw copy ${records.length} in ${rawSeconds.toFixed(1)} s`);

    const target = await freshEngram(engramChroma.url, 'imp', embedder);
    let failed = 0;
    const importer = target.services.legacyImport(source, {
      record: async () => {
        failed += 1;
      },
    });
    let report: Awaited<ReturnType<LegacyImport['run']>> | undefined;
    const importSeconds = await seconds(async () => {
      report = await importer.run({
        collections: COLLECTIONS,
        batchSize: batch,
        dryRun: false,
        defaultUserId: 'legacy',
        onProgress: ({ processed, total }) => {
          if (processed % 1000 === 0) args.log(`  ${processed} / ${total}`);
        },
      });
      await target.services.index.drain();
    });
    const verifySeconds = await seconds(() =>
      importer.verify({ collections: COLLECTIONS, batchSize: batch, defaultUserId: 'legacy' }),
    );
    await target.close();

    const direct = await freshEngram(engramChroma.url, 'dir', embedder);
    const inputs = records.slice(0, baselineN).flatMap((record) => {
      const mapping = mapLegacyRecord(record.collection, record, {
        defaultUserId: 'legacy',
        migratedAt: new Date(),
      });
      return mapping.ok ? [mapping.input] : [];
    });
    // Baseline: the same mapped records through MemoryService.add one at a time.
    const directSeconds = await seconds(async () => {
      for (const input of inputs) await direct.services.writer.add(input);
    });
    await direct.close();

    const imported = report?.collections.reduce((sum, c) => sum + c.imported, 0) ?? 0;
    const result = {
      suite: 'import',
      records: records.length,
      imported,
      failed,
      importRecordsPerSecond: Number((records.length / importSeconds).toFixed(1)),
      verifyRecordsPerSecond: Math.round(records.length / verifySeconds),
      directAddRecordsPerSecond: Number((inputs.length / directSeconds).toFixed(1)),
      directAddRecords: inputs.length,
      rawCopyRecordsPerSecond: Math.round(records.length / rawSeconds),
      importSeconds: Number(importSeconds.toFixed(1)),
    };
    return { result, markdown: importMarkdown(result) };
  } finally {
    await Promise.all([legacy.stop(), engramChroma.stop()]);
  }
}

function importMarkdown(r: {
  records: number;
  imported: number;
  failed: number;
  importRecordsPerSecond: number;
  verifyRecordsPerSecond: number;
  directAddRecordsPerSecond: number;
  directAddRecords: number;
  rawCopyRecordsPerSecond: number;
  importSeconds: number;
}): string {
  return `${r.records} legacy records (test fixture: both collections, chunked memories, unicode, ${r.failed} bad records) in a managed Chroma, imported into a fresh on-disk PGlite + a second managed Chroma, GloVe + rules extraction; LegacyImport adds each page of 500 as one batch (MemoryService.addMany).

| path | records/s |
|---|---|
| \`LegacyImport.run\` end to end (read, map, add: extract, Postgres, embed, index; then drain) | ${r.importRecordsPerSecond} |
| \`MemoryService.add\` of the same mapped inputs one at a time, first ${r.directAddRecords} records (baseline: cost of adding) | ${r.directAddRecordsPerSecond} |
| raw chromadb copy of the same records between two collections (baseline: floor of reading + writing) | ${r.rawCopyRecordsPerSecond} |
| \`LegacyImport.verify\` (sha256 of every record) | ${r.verifyRecordsPerSecond} |

Import of ${r.records} records took ${r.importSeconds} s (${r.imported} imported, ${r.failed} refused). Batched import / one-at-a-time adds: ${(r.importRecordsPerSecond / r.directAddRecordsPerSecond).toFixed(2)}× (one transaction, one embedding call and one Chroma write per page instead of per record).`;
}
