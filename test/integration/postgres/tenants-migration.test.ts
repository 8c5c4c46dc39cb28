import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/adapters/postgres/database.js';
import { MIGRATIONS_DIR, migrateDown, migrateUp } from '../../../src/adapters/postgres/migrator.js';
import { PgGraphRepository } from '../../../src/adapters/postgres/pg-graph-repository.js';
import { PgMemoryRepository } from '../../../src/adapters/postgres/pg-memory-repository.js';
import { scopeOf } from '../../../src/domain/scope.js';
import { seedMemories } from '../../support/seed-memories.js';
import { createEmptyDatabase, DATABASE_KINDS } from '../../support/test-databases.js';

const TABLES = [
  'memories',
  'entities',
  'memory_history',
  'entity_history',
  'outbox',
  'forget_jobs',
];
let beforeTenants: string;

// A copy of the migrations whose journal stops just before 0005_tenants.
beforeAll(async () => {
  beforeTenants = await mkdtemp(path.join(tmpdir(), 'engram-0004-'));
  await cp(MIGRATIONS_DIR, beforeTenants, { recursive: true });
  const journalFile = path.join(beforeTenants, 'meta', '_journal.json');
  const journal = JSON.parse(await readFile(journalFile, 'utf8')) as {
    entries: Array<{ tag: string }>;
  };
  const at = journal.entries.findIndex((entry) => entry.tag === '0005_tenants');
  await writeFile(
    journalFile,
    JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }),
  );
});
afterAll(() => rm(beforeTenants, { recursive: true, force: true }));

describe.each(DATABASE_KINDS)('migration 0005_tenants on %s', (kind) => {
  it('puts every existing row in the default tenant, where the repositories find it', async () => {
    const handle = await createEmptyDatabase(kind);
    try {
      await migrateUp(handle.db, beforeTenants);
      const scope = scopeOf('old-user');
      const [memoryId = ''] = await seedMemories(handle.db, scope, ['Written before tenants.']);
      const entityId = randomUUID();
      await handle.db.execute(sql`
        insert into entities (id, user_id, agent_id, type, text, normalized_name)
        values (${entityId}, 'old-user', '', 'PERSON', 'Ada', 'ada')`);
      await handle.db.execute(sql`
        insert into memory_history (memory_id, user_id, agent_id, event) values (${memoryId}, 'old-user', '', 'add')`);
      await handle.db.execute(sql`
        insert into entity_history (entity_id, user_id, agent_id, event) values (${entityId}, 'old-user', '', 'update')`);
      await handle.db.execute(sql`
        insert into outbox (memory_id, user_id, agent_id, operation) values (${memoryId}, 'old-user', '', 'upsert')`);
      await handle.db.execute(sql`
        insert into forget_jobs (id, scope_kind, subject, subject_hash) values (${randomUUID()}, 'user', 'gone', 'h')`);

      expect(await migrateUp(handle.db)).toContain('0005_tenants');

      for (const table of TABLES) {
        const rows = await queryRows<{ tenant: string }>(
          handle.db,
          sql.raw(`select distinct tenant from ${table}`),
        );
        expect({ table, tenants: rows.map((row) => row.tenant) }).toEqual({
          table,
          tenants: ['default'],
        });
      }
      const memories = new PgMemoryRepository(handle.db);
      expect((await memories.findById(memoryId, scope))?.tenant).toBe('default');
      expect(await memories.findById(memoryId, scopeOf('old-user', '', 'acme'))).toBeUndefined();
      const graph = new PgGraphRepository(handle.db);
      expect((await graph.findByName(scope, 'ada')).map((entity) => entity.id)).toEqual([entityId]);
      // The canonical key now leads with the tenant: the same name in another tenant is another entity.
      const [other] = await graph.upsertEntities([
        { scope: scopeOf('old-user', '', 'acme'), type: 'PERSON', text: 'Ada' },
      ]);
      expect(other?.id).not.toBe(entityId);
    } finally {
      await handle.close();
    }
  });

  it('down drops other tenants’ rows and the column, keeping the default tenant’s', async () => {
    const handle = await createEmptyDatabase(kind);
    try {
      await migrateUp(handle.db);
      const graph = new PgGraphRepository(handle.db);
      await graph.upsertEntities([
        { scope: scopeOf('u'), type: 'PERSON', text: 'Ada' },
        { scope: scopeOf('u', '', 'acme'), type: 'PERSON', text: 'Ada' },
      ]);
      const applied = await queryRows<{ tag: string }>(
        handle.db,
        sql`select tag from engram_migrations order by tag`,
      );
      const after = applied.map((row) => row.tag).filter((tag) => tag > '0005_tenants');
      await migrateDown(handle.db, after.length + 1);
      const rows = await queryRows<{ text: string }>(handle.db, sql`select text from entities`);
      expect(rows.map((row) => row.text)).toEqual(['Ada']);
      const columns = await queryRows<{ n: number }>(
        handle.db,
        sql`select count(*)::int as n from information_schema.columns where column_name = 'tenant' and table_name <> 'api_keys'`,
      );
      expect(Number(columns[0]?.n)).toBe(0);
    } finally {
      await handle.close();
    }
  });
});
