import { eq, sql } from 'drizzle-orm';
import type { SettingsRepository } from '../../ports/settings-repository.js';
import type { Database } from './database.js';
import { settings } from './schema.js';

/** Settings in the `settings` table. */
export class PgSettingsRepository implements SettingsRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async get(key: string): Promise<Record<string, unknown> | undefined> {
    const [row] = await this.#db.select().from(settings).where(eq(settings.key, key));
    return row?.value;
  }

  async set(key: string, value: Record<string, unknown>): Promise<void> {
    await this.#db
      .insert(settings)
      .values({ key, value })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: sql`now()` } });
  }

  async delete(key: string): Promise<void> {
    await this.#db.delete(settings).where(eq(settings.key, key));
  }
}
