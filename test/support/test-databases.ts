import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import {
  type DatabaseHandle,
  openMemoryDatabase,
  openServerDatabase,
} from '../../src/adapters/postgres/database.js';
import { MIGRATIONS_DIR, migrateUp } from '../../src/adapters/postgres/migrator.js';

/** The local PostgreSQL server used by integration tests; each test file gets its own database. */
export const TEST_DATABASE_URL =
  process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Every migration tag in order, from the committed journal (tests need not list them). */
export const MIGRATION_TAGS: readonly string[] = (
  JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as {
    entries: Array<{ tag: string }>;
  }
).entries.map((entry) => entry.tag);

export type DatabaseKind = 'pglite' | 'postgres';
export const DATABASE_KINDS: readonly DatabaseKind[] = ['pglite', 'postgres'];

/** A fresh, empty database of the given kind; `close()` drops it. */
export async function createEmptyDatabase(kind: DatabaseKind): Promise<DatabaseHandle> {
  if (kind === 'pglite') return openMemoryDatabase();
  const name = `engram_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const handle = openServerDatabase(url.toString(), { poolSize: 8 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

/** A fresh database of the given kind with every migration applied. */
export async function createMigratedDatabase(kind: DatabaseKind): Promise<DatabaseHandle> {
  const handle = await createEmptyDatabase(kind);
  await migrateUp(handle.db);
  return handle;
}

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
