import { sql } from 'drizzle-orm';
import type { ExpiryStore, SweepBatch } from '../../ports/expiry-store.js';
import type { OutboxItem } from '../../ports/index-outbox.js';
import { type Database, queryRows } from './database.js';
import { detachMemories } from './pg-graph-cleanup.js';
import { queueVectorDeletes } from './pg-vector-deletes.js';

/** Expired memories on Postgres; a sweep batch is one transaction. */
export class PgExpiryStore implements ExpiryStore {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async sweep(at: Date, limit: number): Promise<SweepBatch> {
    return this.#db.transaction(async (transaction) => {
      const tx = transaction as unknown as Database;
      const expired = await queryRows<{ id: string; user_id: string; agent_id: string }>(
        tx,
        sql`select id, user_id, agent_id from memories
            where expires_at <= ${at.toISOString()}::timestamptz and parent_id is null
            order by expires_at, id limit ${limit} for update skip locked`,
      );
      if (expired.length === 0) return { memories: 0, relationships: 0, entities: 0, outbox: [] };
      const ids = sql.join(
        expired.map((row) => sql`${row.id}::uuid`),
        sql`, `,
      );
      const units = await queryRows<{ id: string }>(
        tx,
        sql`select id from memories where id in (${ids}) or parent_id in (${ids})`,
      );
      const removed = await detachMemories(
        tx,
        units.map((unit) => unit.id),
      );
      const outbox = await queueVectorDeletes(tx, ids);
      await tx.execute(sql`insert into memory_history (memory_id, tenant, user_id, agent_id, event, metadata, created_at)
          select id, tenant, user_id, agent_id, 'delete', '{"reason":"expired"}'::jsonb, ${at.toISOString()}::timestamptz
          from memories where id in (${ids})`);
      await tx.execute(sql`delete from memories where id in (${ids})`);
      return { memories: expired.length, ...removed, outbox };
    });
  }

  async backlog(at: Date): Promise<number> {
    const [row] = await queryRows<{ n: number }>(
      this.#db,
      sql`select count(*)::int as n from memories where expires_at <= ${at.toISOString()}::timestamptz and parent_id is null`,
    );
    return Number(row?.n ?? 0);
  }
}
