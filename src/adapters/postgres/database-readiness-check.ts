import { sql } from 'drizzle-orm';
import type { CheckResult, ReadinessCheck } from '../../ports/readiness-check.js';
import { type Database, queryRows } from './database.js';
import { pendingMigrations } from './migrator.js';

/** Ready when the database answers and has no pending migration. */
export class DatabaseReadinessCheck implements ReadinessCheck {
  readonly name = 'database';
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async check(): Promise<CheckResult> {
    try {
      await queryRows(this.#db, sql`select 1`);
      const pending = await pendingMigrations(this.#db);
      if (pending.length > 0)
        return { ok: false, detail: `pending migrations: ${pending.join(', ')}` };
      return { ok: true };
    } catch (error) {
      return { ok: false, detail: `database unreachable: ${(error as Error).message}` };
    }
  }
}
