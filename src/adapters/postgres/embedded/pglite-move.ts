import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { ConflictError } from '../../../domain/errors.js';
import { writeBackup } from '../backup/backup-writer.js';
import { restoreBackup } from '../backup/restore-backup.js';
import type { Database } from '../database.js';
import { migrateUp } from '../migrator.js';
import * as schema from '../schema.js';

/** Where a moved PGlite directory is kept (renamed, never deleted). */
export const MOVED_PGLITE_SUFFIX = '.moved-to-postgres';

/** What a move did, for the log line. */
export interface PgliteMove {
  readonly from: string;
  readonly keptAt: string;
  readonly rows: number;
  readonly ms: number;
}

/**
 * Moves the PGlite database of an older Engram (`dataDir/pgdata`) into `target`, the embedded
 * PostgreSQL server: an engine-neutral backup of PGlite restored in one transaction (ids kept, so
 * the vector index stays valid). The PGlite directory is then renamed to `pgdata.moved-to-postgres`,
 * so nothing is lost and a failed move is retried on the next start. Returns undefined when there
 * is nothing to move. Refuses (ConflictError) a target that already holds data.
 */
export async function movePgliteDatabase(
  dataDir: string,
  target: Database,
  workDirectory: string,
): Promise<PgliteMove | undefined> {
  const from = path.join(dataDir, 'pgdata');
  if (!existsSync(path.join(from, 'PG_VERSION'))) return undefined;
  const started = Date.now();
  const file = path.join(workDirectory, 'pglite-move.backup.gz');
  const client = await PGlite.create(from);
  try {
    const source = drizzle(client, { schema }) as unknown as Database;
    // An older Engram's directory may be some migrations behind: bring it to this build's schema
    // first (as `engram serve` on PGlite would), so the backup has every column the restore expects.
    await migrateUp(source);
    await writeBackup(source, file);
  } finally {
    await client.close();
  }
  try {
    const summary = await restoreBackup(target, file).catch((error: unknown) => {
      if (!(error instanceof ConflictError)) throw error;
      throw new ConflictError(
        `${from} holds a PGlite database to move into the embedded PostgreSQL server, but that server already has data (${error.message}). Keep PGlite with EMBEDDED_DATABASE=pglite, or move its data by hand: EMBEDDED_DATABASE=pglite engram backup FILE, then engram restore FILE --force`,
      );
    });
    const free = `${from}${MOVED_PGLITE_SUFFIX}`;
    const keptAt = existsSync(free) ? `${free}-${Date.now()}` : free;
    await rename(from, keptAt);
    const rows = Object.values(summary.rows).reduce((total, count) => total + count, 0);
    return { from, keptAt, rows, ms: Date.now() - started };
  } finally {
    await rm(file, { force: true });
  }
}
