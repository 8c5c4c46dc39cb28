import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { ConflictError } from '../../../domain/errors.js';
import { type Database, queryRows } from '../database.js';
import { MIGRATIONS_DIR, migrateUp } from '../migrator.js';

/**
 * Brings the target's schema to exactly the backup's migrations: an empty target is migrated up
 * to them; a target that already has a schema must be at the same migrations. Returns the tags
 * applied. Throws if the backup needs migrations this Engram does not have.
 */
export async function prepareRestoreTarget(
  db: Database,
  backupMigrations: readonly string[],
  dir = MIGRATIONS_DIR,
): Promise<string[]> {
  const known = await journalTags(dir);
  const unknown = backupMigrations.filter((tag) => !known.includes(tag));
  if (unknown.length > 0 || !isPrefix(backupMigrations, known)) {
    throw new ConflictError(
      `the backup was taken at schema ${describe(backupMigrations)}, which this Engram does not have (it knows ${describe(known)}): upgrade Engram to restore it`,
    );
  }
  const applied = await appliedTags(db);
  if (applied === null) return migrateThrough(db, backupMigrations, dir);
  if (!sameTags(applied, backupMigrations)) {
    throw new ConflictError(
      `the target database is at schema ${describe(applied)} but the backup is at ${describe(backupMigrations)}: restore into an empty database`,
    );
  }
  return [];
}

/** Migration tags applied to `db`, or null when it has no Engram schema at all. */
async function appliedTags(db: Database): Promise<string[] | null> {
  const [present] = await queryRows<{ present: boolean }>(
    db,
    sql`select to_regclass('engram_migrations') is not null as present`,
  );
  if (!present?.present) return null;
  const rows = await queryRows<{ tag: string }>(
    db,
    sql`select tag from engram_migrations order by tag`,
  );
  return rows.map((row) => row.tag);
}

/** Applies the first `tags.length` migrations only, through a trimmed copy of the journal. */
async function migrateThrough(db: Database, tags: readonly string[], dir: string) {
  const known = await journalTags(dir);
  if (tags.length === known.length) return migrateUp(db, dir);
  const trimmed = await mkdtemp(path.join(tmpdir(), 'engram-restore-migrations-'));
  try {
    const journal = JSON.parse(await readFile(path.join(dir, 'meta', '_journal.json'), 'utf8'));
    journal.entries = journal.entries.slice(0, tags.length);
    await mkdir(path.join(trimmed, 'meta'));
    await writeFile(path.join(trimmed, 'meta', '_journal.json'), JSON.stringify(journal));
    for (const tag of tags) {
      await symlink(path.join(dir, `${tag}.sql`), path.join(trimmed, `${tag}.sql`));
    }
    return await migrateUp(db, trimmed);
  } finally {
    await rm(trimmed, { recursive: true, force: true });
  }
}

async function journalTags(dir: string): Promise<string[]> {
  const journal = JSON.parse(await readFile(path.join(dir, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  return journal.entries.map((entry) => entry.tag);
}

function isPrefix(prefix: readonly string[], whole: readonly string[]): boolean {
  return prefix.every((tag, index) => whole[index] === tag);
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && isPrefix(a, b);
}

function describe(tags: readonly string[]): string {
  return tags.length === 0 ? '(none)' : (tags.at(-1) ?? '');
}
