import { asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { IndexOutbox, OutboxEntry, OutboxItem } from '../../ports/index-outbox.js';
import type { Database } from './database.js';
import { outbox } from './schema.js';

/** The vector-index outbox on Postgres; pass a transaction as `db` to make calls atomic. */
export class PgIndexOutbox implements IndexOutbox {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async enqueue(entries: readonly OutboxEntry[]): Promise<OutboxItem[]> {
    if (entries.length === 0) return [];
    const rows = await this.#db
      .insert(outbox)
      .values(
        entries.map(({ memoryId, scope, operation }) => ({
          memoryId,
          tenant: scope.tenant,
          userId: scope.userId,
          agentId: scope.agentId,
          operation,
        })),
      )
      .returning({ id: outbox.id, memoryId: outbox.memoryId, operation: outbox.operation });
    const ids = new Map<string, number[]>();
    for (const row of rows.sort((a, b) => a.id - b.id)) {
      const key = `${row.operation}/${row.memoryId}`;
      ids.set(key, [...(ids.get(key) ?? []), row.id]);
    }
    return entries.map((entry) => ({
      ...entry,
      id: ids.get(`${entry.operation}/${entry.memoryId}`)?.shift() ?? 0,
      attempts: 0,
    }));
  }

  async pending(limit: number): Promise<OutboxItem[]> {
    const rows = await this.#db
      .select()
      .from(outbox)
      .where(eq(outbox.status, 'pending'))
      .orderBy(asc(outbox.id))
      .limit(limit);
    return rows.map((row) => ({
      id: row.id,
      memoryId: row.memoryId,
      scope: { tenant: row.tenant, userId: row.userId, agentId: row.agentId },
      operation: row.operation,
      attempts: row.attempts,
    }));
  }

  async complete(ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.#db
      .update(outbox)
      .set({ status: 'done', processedAt: sql`now()` })
      .where(inArray(outbox.id, [...ids]));
  }

  async fail(ids: readonly number[], error: string): Promise<void> {
    if (ids.length === 0) return;
    await this.#db
      .update(outbox)
      .set({ attempts: sql`${outbox.attempts} + 1`, lastError: error.slice(0, 500) })
      .where(inArray(outbox.id, [...ids]));
  }

  async pendingCount(): Promise<number> {
    const [row] = await this.#db
      .select({ value: count() })
      .from(outbox)
      .where(eq(outbox.status, 'pending'));
    return Number(row?.value ?? 0);
  }
}
