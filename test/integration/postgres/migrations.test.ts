import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { type DatabaseHandle, queryRows } from '../../../src/adapters/postgres/database.js';
import {
  migrateDown,
  migrateUp,
  migrationStatus,
} from '../../../src/adapters/postgres/migrator.js';
import {
  createEmptyDatabase,
  DATABASE_KINDS,
  MIGRATION_TAGS,
} from '../../support/test-databases.js';

async function tables(handle: DatabaseHandle): Promise<string[]> {
  const rows = await queryRows<{ table_name: string }>(
    handle.db,
    sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
  );
  return rows.map((row) => row.table_name);
}

describe.each(DATABASE_KINDS)('migrations on %s', (kind) => {
  let handle: DatabaseHandle | undefined;
  afterEach(async () => {
    await handle?.close();
    handle = undefined;
  });

  it('creates the spec tables on up', async () => {
    handle = await createEmptyDatabase(kind);
    const applied = await migrateUp(handle.db);
    expect(applied).toContain('0000_init');
    expect(await tables(handle)).toEqual(
      expect.arrayContaining([
        'entities',
        'relationships',
        'memories',
        'memory_entities',
        'entity_aliases',
        'memory_history',
        'outbox',
      ]),
    );
  });

  it('creates the four spec indexes', async () => {
    handle = await createEmptyDatabase(kind);
    await migrateUp(handle.db);
    const rows = await queryRows<{ indexname: string }>(
      handle.db,
      sql`select indexname from pg_indexes where schemaname = 'public'`,
    );
    expect(rows.map((row) => row.indexname)).toEqual(
      expect.arrayContaining([
        'idx_entities_type',
        'idx_relationships_source',
        'idx_relationships_target',
        'idx_relationships_type',
      ]),
    );
  });

  it('takes the schema back to empty on down, and up works again', async () => {
    handle = await createEmptyDatabase(kind);
    await migrateUp(handle.db);
    const tags = (await migrationStatus(handle.db)).map((migration) => migration.tag);
    expect(tags.slice(0, 2)).toEqual(['0000_init', '0001_relation_directions']);
    const reverted = await migrateDown(handle.db);
    expect(reverted).toEqual([...MIGRATION_TAGS].reverse());
    expect(await tables(handle)).toEqual([]);
    expect(await migrateUp(handle.db)).toEqual(MIGRATION_TAGS);
    expect(await tables(handle)).toContain('entities');
  });

  it('is a no-op when already up to date', async () => {
    handle = await createEmptyDatabase(kind);
    await migrateUp(handle.db);
    expect(await migrateUp(handle.db)).toEqual([]);
    const status = await migrationStatus(handle.db);
    expect(status.every((migration) => migration.appliedAt instanceof Date)).toBe(true);
  });

  it('reports pending migrations before up', async () => {
    handle = await createEmptyDatabase(kind);
    const status = await migrationStatus(handle.db);
    expect(status.map((migration) => migration.appliedAt)).toEqual(status.map(() => null));
  });
});
