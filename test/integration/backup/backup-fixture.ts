import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../../src/adapters/postgres/database.js';
import {
  apiKeys,
  entities,
  entityAliases,
  memories,
  memoryEntities,
  memoryHistory,
  outbox,
  relationshipEvidence,
  relationships,
  settings,
} from '../../../src/adapters/postgres/schema.js';

const PARENT = 'ffffffff-0000-4000-8000-000000000001';
// Sorts before its parent, so a restore in key order meets the chunk first.
const CHUNK = '00000000-0000-4000-8000-000000000002';
const OTHER = '77777777-0000-4000-8000-000000000003';
const JOHN = '11111111-0000-4000-8000-000000000001';
const ACME = '22222222-0000-4000-8000-000000000002';
const SEATTLE = '33333333-0000-4000-8000-000000000003';

/** Inserts a few related rows into every Engram table. */
export async function seedEveryTable(db: Database): Promise<void> {
  await db.insert(memories).values([
    {
      id: PARENT,
      userId: 'u1',
      memoryType: 'model_memory',
      content: 'John works for Acme.\nHe lives in Seattle — café ☕',
      contentHash: 'h-parent',
      metadata: { source: 'chat', nested: { tags: ['a', 'b'], score: 0.25 } },
    },
    {
      id: CHUNK,
      userId: 'u1',
      memoryType: 'model_memory',
      content: 'He lives in Seattle',
      contentHash: 'h-chunk',
      parentId: PARENT,
      chunkIndex: 1,
    },
    {
      id: OTHER,
      userId: 'u2',
      agentId: 'a1',
      sessionId: 's1',
      memoryType: 'ephemeral',
      content: 'Acme is in Seattle',
      contentHash: 'h-other',
      migratedFrom: 'legacy-1',
    },
  ]);
  await db.insert(entities).values([
    { id: JOHN, userId: 'u1', type: 'PERSON', text: 'John', normalizedName: 'john' },
    {
      id: ACME,
      userId: 'u1',
      type: 'ORG',
      text: 'Acme',
      normalizedName: 'acme',
      attributes: { industry: 'tools' },
    },
    { id: SEATTLE, userId: 'u1', type: 'GPE', text: 'Seattle', normalizedName: 'seattle' },
  ]);
  await db.insert(entityAliases).values([
    { entityId: JOHN, alias: 'Johnny', normalizedAlias: 'johnny' },
    { entityId: JOHN, alias: 'J.', normalizedAlias: 'j' },
    { entityId: ACME, alias: 'ACME Corp', normalizedAlias: 'acme corp' },
  ]);
  await db.insert(memoryEntities).values([
    { memoryId: PARENT, entityId: JOHN, mention: 'John', start: 0, end: 4, confidence: 0.9 },
    { memoryId: PARENT, entityId: ACME, mention: 'Acme', start: 15, end: 19, confidence: 0.8 },
    { memoryId: CHUNK, entityId: SEATTLE, mention: 'Seattle', start: 12, end: 19, confidence: 0.7 },
    { memoryId: OTHER, entityId: ACME, mention: 'Acme', start: 0, end: 4, confidence: 0.65 },
  ]);
  await db.insert(relationships).values([
    {
      id: '44444444-0000-4000-8000-000000000001',
      sourceEntityId: JOHN,
      targetEntityId: ACME,
      relationType: 'works_for',
      memoryId: PARENT,
      metadata: { confidence: 0.8 },
    },
    {
      id: '44444444-0000-4000-8000-000000000002',
      sourceEntityId: JOHN,
      targetEntityId: SEATTLE,
      relationType: 'lives_in',
      memoryId: CHUNK,
      validFrom: new Date('2024-01-01T00:00:00.000Z'),
      validTo: new Date('2024-06-30T12:34:56.789Z'),
    },
  ]);
  await db.insert(relationshipEvidence).values([
    {
      relationshipId: '44444444-0000-4000-8000-000000000001',
      memoryId: PARENT,
      sentence: 'John works for Acme.',
      confidence: 0.8,
    },
    {
      relationshipId: '44444444-0000-4000-8000-000000000002',
      memoryId: CHUNK,
      sentence: 'He lives in Seattle',
      confidence: 0.6,
    },
  ]);
  await db.insert(memoryHistory).values([
    { memoryId: PARENT, userId: 'u1', event: 'add', newContent: 'John works for Acme.' },
    { memoryId: OTHER, userId: 'u2', event: 'add', newContent: 'Acme is in Seattle' },
    { memoryId: OTHER, userId: 'u2', event: 'update', oldContent: 'x', newContent: 'y' },
  ]);
  await db.insert(outbox).values([
    { memoryId: PARENT, operation: 'upsert', status: 'done', attempts: 1, processedAt: new Date() },
    { memoryId: OTHER, operation: 'upsert', lastError: 'chroma down' },
  ]);
  await db.insert(settings).values({ key: 'embedder', value: { provider: 'glove', dim: 100 } });
  await db.insert(apiKeys).values({
    id: '55555555-0000-4000-8000-000000000001',
    name: 'backend',
    keyHash: 'ab'.repeat(32),
    prefix: 'egk_abcdef',
    scopes: ['read', 'write'],
    userId: 'u1',
  });
}

const KEYS: Readonly<Record<string, string>> = {
  memories: 'id',
  entities: 'id',
  entity_aliases: 'entity_id, normalized_alias',
  memory_entities: 'memory_id, entity_id, start_offset',
  relationships: 'id',
  relationship_evidence: 'relationship_id, memory_id',
  memory_history: 'id',
  outbox: 'id',
  settings: 'key',
  api_keys: 'id',
};

/** Every row of every Engram table as PostgreSQL renders it, for exact comparison. */
export async function snapshotEveryTable(db: Database): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const [table, key] of Object.entries(KEYS)) {
    const rows = await queryRows<{ row: string }>(
      db,
      sql.raw(`select row_to_json(t)::text as row from ${table} t order by ${key}`),
    );
    snapshot[table] = rows.map((row) => row.row);
  }
  return snapshot;
}

/** Row counts of every Engram table. */
export async function countEveryTable(db: Database): Promise<Record<string, number>> {
  const snapshot = await snapshotEveryTable(db);
  return Object.fromEntries(Object.entries(snapshot).map(([table, rows]) => [table, rows.length]));
}
