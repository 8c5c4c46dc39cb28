import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { Tracer } from '../../ports/tracer.js';
import * as schema from './schema.js';
import { translatePgliteFailures, translatePoolFailures } from './translating-driver.js';

/**
 * Any Drizzle Postgres database (node-postgres for a server, PGlite embedded). Its driver passes
 * failures through pgFailure: a lost connection is `upstream_unavailable` (often as the `cause`
 * of drizzle's DrizzleQueryError).
 */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** An open database and how to close it. */
export interface DatabaseHandle {
  readonly db: Database;
  readonly kind: 'embedded' | 'server';
  /** The engine: PGlite in this process, or a PostgreSQL server (DATABASE_URL or the managed one). */
  readonly engine: 'pglite' | 'postgres';
  /** Where it lives, for logs: a directory or a URL without its password. */
  readonly location: string;
  close(): Promise<void>;
}

/** Opens the PostgreSQL server at `url` with a small pool (the embedded one: embedded-database.ts). */
export function openServerDatabase(
  url: string,
  options: { poolSize?: number; tracer?: Tracer } = {},
): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => {});
  const db = drizzlePg(translatePoolFailures(pool, options.tracer), {
    schema,
  }) as unknown as Database;
  return {
    db,
    kind: 'server',
    engine: 'postgres',
    location: redactUrl(url),
    close: () => pool.end(),
  };
}

/** Opens an in-memory PGlite database (tests, dry runs). */
export async function openMemoryDatabase(): Promise<DatabaseHandle> {
  const client = await PGlite.create();
  const db = drizzlePglite(translatePgliteFailures(client), { schema }) as unknown as Database;
  return {
    db,
    kind: 'embedded',
    engine: 'pglite',
    location: 'memory',
    close: () => client.close(),
  };
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparsable url)';
  }
}

/** Runs raw SQL and returns its rows, the same on node-postgres and PGlite. */
export async function queryRows<Row>(db: Database, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}
