import { asc, eq } from 'drizzle-orm';
import type { MemoryId } from '../../domain/memory.js';
import type {
  HistoryEvent,
  HistoryRepository,
  StoredHistoryEvent,
} from '../../ports/history-repository.js';
import type { Database } from './database.js';
import { memoryHistory } from './schema.js';

/** Memory history on Postgres; pass a transaction as `db` to make calls atomic. */
export class PgHistoryRepository implements HistoryRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async append(events: readonly HistoryEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.#db.insert(memoryHistory).values(
      events.map((event) => ({
        memoryId: event.memoryId,
        tenant: event.scope.tenant,
        userId: event.scope.userId,
        agentId: event.scope.agentId,
        event: event.event,
        oldContent: event.oldContent,
        newContent: event.newContent,
        metadata: event.metadata ?? {},
        ...(event.createdAt ? { createdAt: event.createdAt } : {}),
      })),
    );
  }

  async of(memoryId: MemoryId): Promise<StoredHistoryEvent[]> {
    const rows = await this.#db
      .select()
      .from(memoryHistory)
      .where(eq(memoryHistory.memoryId, memoryId))
      .orderBy(asc(memoryHistory.id));
    return rows.map((row) => ({
      id: row.id,
      memoryId: row.memoryId,
      scope: { tenant: row.tenant, userId: row.userId, agentId: row.agentId },
      event: row.event,
      oldContent: row.oldContent,
      newContent: row.newContent,
      metadata: row.metadata,
      createdAt: row.createdAt,
    }));
  }
}
