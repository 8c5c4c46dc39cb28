import pg from 'pg';
import type { Lock, LockOutcome } from '../../ports/lock.js';
import { PROCESS_LOCAL_LOCK } from '../../ports/lock.js';
import type { DatabaseHandle } from './database.js';

// First key of every Engram advisory lock; the second is hashtext(name). The migrator's
// single-key lock (7_311_001) cannot collide with these.
const NAMESPACE = 7_311_002;

/**
 * A session-level `pg_try_advisory_lock` held on ONE dedicated pool connection for the whole
 * `work`, so replicas sharing a PostgreSQL server take turns; the lock dies with its connection.
 */
export class PgAdvisoryLock implements Lock {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async tryWith<T>(name: string, work: () => Promise<T>): Promise<LockOutcome<T>> {
    const client = await this.#pool.connect();
    let broken: Error | undefined;
    try {
      const { rows } = await client.query<{ acquired: boolean }>(
        'select pg_try_advisory_lock($1, hashtext($2)) as acquired',
        [NAMESPACE, name],
      );
      if (!rows[0]?.acquired) return { acquired: false };
      try {
        return { acquired: true, value: await work() };
      } finally {
        await client
          .query('select pg_advisory_unlock($1, hashtext($2))', [NAMESPACE, name])
          .catch((error: unknown) => {
            broken = error as Error;
          });
      }
    } finally {
      // A connection whose unlock failed may still hold the lock: destroy it rather than reuse it.
      client.release(broken);
    }
  }
}

/** The lock for a database: advisory locks on a PostgreSQL server (DATABASE_URL or the managed one), process-local for PGlite (one process by construction). */
export function lockFor(database: DatabaseHandle): Lock {
  const client = (database.db as unknown as { $client?: unknown }).$client;
  if (database.engine === 'postgres' && client instanceof pg.Pool)
    return new PgAdvisoryLock(client);
  return PROCESS_LOCAL_LOCK;
}
