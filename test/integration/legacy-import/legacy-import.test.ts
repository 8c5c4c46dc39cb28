import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ChromaVectorIndex } from '../../../src/adapters/chroma/chroma-vector-index.js';
import { LegacyChromaSource } from '../../../src/adapters/chroma/legacy-chroma-source.js';
import { type DatabaseHandle, queryRows } from '../../../src/adapters/postgres/database.js';
import { PgStore } from '../../../src/adapters/postgres/pg-store.js';
import type { ImportFailure } from '../../../src/ports/import-failure-log.js';
import type { ImportReport, LegacyImport } from '../../../src/services/import/legacy-import.js';
import { type ChromaServer, startChromaServer } from '../../support/chroma-server.js';
import {
  buildLegacyStore,
  dumpLegacyStore,
  type LegacyFixture,
} from '../../support/legacy-fixture.js';
import { testEmbedder } from '../../support/test-app.js';
import { createMigratedDatabase } from '../../support/test-databases.js';
import { testServices } from '../../support/test-services.js';

const COLLECTIONS = ['ephemeral', 'model_memory'];
const CLOCK = { now: () => new Date('2025-06-01T12:00:00Z') };
// The legacy store has fixed collection names and is dumped whole: it gets its own server.
let legacy: ChromaServer;
let database: DatabaseHandle;
let fixture: LegacyFixture;
let sourceBefore: string;
let failures: ImportFailure[];
let importer: LegacyImport;
let firstRun: ImportReport;
let store: PgStore;

beforeAll(async () => {
  legacy = await startChromaServer();
  database = await createMigratedDatabase('postgres');
  fixture = await buildLegacyStore(legacy.url, 2000);
  sourceBefore = await dumpLegacyStore(legacy.url);
  const embedder = await testEmbedder();
  const vectors = new ChromaVectorIndex({
    url: inject('chromaUrl'),
    collectionPrefix: `li${randomBytes(3).toString('hex')}`,
  });
  await vectors.init(embedder.identity);
  store = new PgStore(database.db);
  const services = testServices(
    database,
    { store, vectors, embedder, clock: CLOCK },
    { maxChunkTokens: 512 },
  );
  failures = [];
  importer = services.legacyImport(new LegacyChromaSource({ url: legacy.url }), {
    record: async (failure) => void failures.push(failure),
  });
  firstRun = await importer.run({ ...options(), dryRun: false });
}, 300_000);

afterAll(async () => {
  await database?.close();
  await legacy?.stop();
});

function options() {
  return { collections: COLLECTIONS, batchSize: 300, defaultUserId: 'legacy' };
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

describe('a first import of a legacy store', () => {
  it('accounts for every source record per collection', () => {
    for (const collection of COLLECTIONS) {
      const report = firstRun.collections.find((c) => c.collection === collection);
      expect(report).toEqual({
        collection,
        source: fixture.count(collection),
        imported: fixture.count(collection, 'imported'),
        alreadyPresent: 0,
        merged: fixture.count(collection, 'merged'),
        failed: fixture.count(collection, 'failed'),
      });
    }
    expect(firstRun.ok).toBe(false);
  });

  it('writes each refused record with its reason to the failure log', () => {
    const expected = fixture.records
      .filter((r) => r.expected === 'failed')
      .map((r) => `${r.collection}/${r.id}`);
    expect(failures.map((f) => `${f.collection}/${f.id}`).sort()).toEqual(expected.sort());
    const reasons = failures.map((f) => f.reason);
    expect(reasons.filter((r) => r === 'empty document')).toHaveLength(4);
    expect(reasons.filter((r) => r.startsWith('oversize text'))).toHaveLength(2);
    expect(reasons.filter((r) => r.startsWith('unreadable metadata'))).toHaveLength(4);
  });

  it('stores every importable record once, with its trimmed text, type, migrated_from and metadata', async () => {
    for (const record of fixture.records.filter((r) => r.expected === 'imported')) {
      const memory = await store.memories.findByMigratedFrom(`${record.collection}/${record.id}`);
      expect(memory, record.id).toBeDefined();
      expect(sha256(memory?.content ?? '')).toBe(sha256((record.document ?? '').trim()));
      expect(memory?.memoryType).toBe(record.collection);
      expect(memory?.metadata).toEqual({
        ...(record.metadata ?? {}),
        migrated_from: { collection: record.collection, id: record.id },
        migrated_at: '2025-06-01T12:00:00.000Z',
      });
    }
    const [row] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from memories where migrated_from is not null`,
    );
    expect(row?.n).toBe(fixture.records.filter((r) => r.expected === 'imported').length);
  });

  it('maps timestamps, user, agent and session ids from the legacy metadata', async () => {
    const records = fixture.records.filter(
      (r) => r.expected === 'imported' && r.metadata?.['timestamp'] !== undefined,
    );
    const iso = records.find(
      (r) =>
        typeof r.metadata?.['timestamp'] === 'string' &&
        r.metadata?.['session_id'] &&
        r.metadata?.['user_id'],
    );
    const epoch = records.find(
      (r) => typeof r.metadata?.['timestamp'] === 'number' && r.metadata?.['agent_id'],
    );
    const stored = await store.memories.findByMigratedFrom(`${iso?.collection}/${iso?.id}`);
    expect(stored?.createdAt.toISOString()).toBe(iso?.metadata?.['timestamp']);
    expect(stored?.userId).toBe(iso?.metadata?.['user_id']);
    expect(stored?.sessionId).toBe(iso?.metadata?.['session_id']);
    const storedEpoch = await store.memories.findByMigratedFrom(
      `${epoch?.collection}/${epoch?.id}`,
    );
    expect(storedEpoch?.createdAt.getTime()).toBe(Number(epoch?.metadata?.['timestamp']) * 1000);
    expect(storedEpoch?.agentId).toBe('assistant');
    const noMetadata = fixture.records.find(
      (r) => r.metadata === null && r.expected === 'imported',
    );
    const defaulted = await store.memories.findByMigratedFrom(
      `${noMetadata?.collection}/${noMetadata?.id}`,
    );
    expect(defaulted?.userId).toBe('legacy');
    expect(defaulted?.createdAt.toISOString()).toBe('2025-06-01T12:00:00.000Z');
  });

  it('keeps each legacy chunk as its own memory with its chunk metadata', async () => {
    const chunk = fixture.records.find((r) => r.metadata?.['chunk_index'] === 1);
    const stored = await store.memories.findByMigratedFrom(`${chunk?.collection}/${chunk?.id}`);
    expect(stored?.metadata).toMatchObject({
      parent_id: chunk?.metadata?.['parent_id'],
      chunk_index: 1,
      total_chunks: chunk?.metadata?.['total_chunks'],
    });
  });

  it('extracts entities from imported memories and indexes every memory', async () => {
    const record = fixture.records.find(
      (r) => r.expected === 'imported' && r.document?.includes('works for Microsoft'),
    );
    const stored = await store.memories.findByMigratedFrom(`${record?.collection}/${record?.id}`);
    const mentioned = await queryRows<{ text: string }>(
      database.db,
      sql`select e.text from memory_entities m join entities e on e.id = m.entity_id where m.memory_id = ${stored?.id ?? ''}`,
    );
    expect(mentioned.map((row) => row.text)).toContain('Microsoft');
    expect(await store.outbox.pendingCount()).toBe(0);
  });
});

describe('after the import', () => {
  it('a rerun imports nothing new and finds everything already present', async () => {
    const rerun = await importer.run({ ...options(), dryRun: false });
    for (const report of rerun.collections) {
      expect(report.imported).toBe(0);
      expect(report.alreadyPresent).toBe(fixture.count(report.collection, 'imported'));
      expect(report.merged).toBe(fixture.count(report.collection, 'merged'));
    }
  });

  it('verification passes: every importable record is stored with the same sha256', async () => {
    const verified = await importer.verify(options());
    expect(verified.ok).toBe(true);
    for (const report of verified.collections) {
      expect(report).toMatchObject({
        source: fixture.count(report.collection),
        verified: fixture.count(report.collection, 'imported'),
        merged: fixture.count(report.collection, 'merged'),
        rejected: fixture.count(report.collection, 'failed'),
        missing: 0,
        mismatched: 0,
      });
    }
  });

  it('the legacy source is unchanged', async () => {
    expect(await dumpLegacyStore(legacy.url)).toBe(sourceBefore);
  });

  it('verification fails when a stored memory was altered', async () => {
    const record = fixture.records.find(
      (r) => r.expected === 'imported' && r.collection === 'model_memory',
    );
    await database.db.execute(
      sql`update memories set content = content || '!' where migrated_from = ${`${record?.collection}/${record?.id}`}`,
    );
    failures.length = 0;
    const verified = await importer.verify(options());
    expect(verified.ok).toBe(false);
    expect(verified.collections.find((c) => c.collection === 'model_memory')?.mismatched).toBe(1);
    expect(failures).toEqual([
      { collection: 'model_memory', id: record?.id, reason: 'verify: mismatched' },
    ]);
  });
});
