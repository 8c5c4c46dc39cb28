import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from './database.js';

/** Where the committed SQL migrations live (the package's `migrations/`). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations', import.meta.url));
const LOCK_KEY = 7_311_001; // pg advisory lock id: one migrator at a time across processes

export interface MigrationStatus {
  readonly tag: string;
  readonly appliedAt: Date | null;
}

interface JournalEntry {
  readonly tag: string;
}

/** Lists every migration in order with when it was applied (null if pending). */
export async function migrationStatus(
  db: Database,
  dir = MIGRATIONS_DIR,
): Promise<MigrationStatus[]> {
  const tags = await readJournal(dir);
  const applied = await appliedMigrations(db);
  return tags.map((tag) => ({ tag, appliedAt: applied.get(tag) ?? null }));
}

/** Applies every pending migration in one transaction; returns the tags applied. */
export async function migrateUp(db: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const tags = await readJournal(dir);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEY})`);
    await tx.execute(
      sql.raw(
        'create table if not exists engram_migrations (tag text primary key, applied_at timestamptz not null default now())',
      ),
    );
    const applied = await appliedMigrations(tx as unknown as Database);
    const pending = tags.filter((tag) => !applied.has(tag));
    for (const tag of pending) {
      for (const statement of await readStatements(path.join(dir, `${tag}.sql`))) {
        await tx.execute(sql.raw(statement));
      }
      await tx.execute(sql`insert into engram_migrations (tag) values (${tag})`);
    }
    return pending;
  });
}

/**
 * Reverts the last `steps` applied migrations (all by default) in one transaction; reverting
 * all of them also drops the bookkeeping table, leaving the schema empty.
 */
export async function migrateDown(
  db: Database,
  steps = Number.POSITIVE_INFINITY,
  dir = MIGRATIONS_DIR,
): Promise<string[]> {
  const tags = await readJournal(dir);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEY})`);
    const applied = await appliedMigrations(tx as unknown as Database);
    const toRevert = tags
      .filter((tag) => applied.has(tag))
      .reverse()
      .slice(0, steps);
    for (const tag of toRevert) {
      for (const statement of await readStatements(path.join(dir, 'down', `${tag}.sql`))) {
        await tx.execute(sql.raw(statement));
      }
      await tx.execute(sql`delete from engram_migrations where tag = ${tag}`);
    }
    if (toRevert.length === applied.size)
      await tx.execute(sql.raw('drop table if exists engram_migrations'));
    return toRevert;
  });
}

/** Tags of migrations not yet applied. */
export async function pendingMigrations(db: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  return (await migrationStatus(db, dir)).filter((m) => m.appliedAt === null).map((m) => m.tag);
}

async function appliedMigrations(db: Database): Promise<Map<string, Date>> {
  const [exists] = await queryRows<{ present: boolean }>(
    db,
    sql`select to_regclass('engram_migrations') is not null as present`,
  );
  if (!exists?.present) return new Map();
  const rows = await queryRows<{ tag: string; applied_at: string | Date }>(
    db,
    sql`select tag, applied_at from engram_migrations`,
  );
  return new Map(rows.map((row) => [row.tag, new Date(row.applied_at)]));
}

async function readJournal(dir: string): Promise<string[]> {
  const journal = JSON.parse(await readFile(path.join(dir, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  return journal.entries.map((entry) => entry.tag);
}

async function readStatements(file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8');
  return text
    .split(/-->\s*statement-breakpoint|;\s*\n/)
    .map((statement) => statement.replace(/^\s*--.*$/gm, '').trim())
    .filter((statement) => statement.length > 0);
}
