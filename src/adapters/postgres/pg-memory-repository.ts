import { and, asc, count, desc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Memory, MemoryId, MemoryType, Metadata } from '../../domain/memory.js';
import type { Scope } from '../../domain/scope.js';
import type {
  HistoryEvent,
  MemoryFilter,
  MemoryRepository,
  OutboxItem,
  RankedId,
  StoredHistoryEvent,
} from '../../ports/memory-repository.js';
import { type Database, queryRows } from './database.js';
import { isSearchUnitSql, memoryFilterSql } from './memory-filter-sql.js';
import { toMemory } from './row-mappers.js';
import { memories, memoryHistory, outbox } from './schema.js';

/** Memories, history and outbox on Postgres; pass a transaction as `db` to make calls atomic. */
export class PgMemoryRepository implements MemoryRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async insert(rows: readonly Memory[]): Promise<void> {
    if (rows.length > 0) await this.#db.insert(memories).values([...rows]);
  }

  async findById(id: MemoryId, scope?: Scope): Promise<Memory | undefined> {
    const [row] = await this.#db
      .select()
      .from(memories)
      .where(
        and(
          eq(memories.id, id),
          scope ? eq(memories.userId, scope.userId) : undefined,
          scope ? eq(memories.agentId, scope.agentId) : undefined,
        ),
      );
    return row ? toMemory(row) : undefined;
  }

  async findMany(ids: readonly MemoryId[]): Promise<Memory[]> {
    if (ids.length === 0) return [];
    const rows = await this.#db
      .select()
      .from(memories)
      .where(inArray(memories.id, [...ids]));
    return rows.map(toMemory);
  }

  async findByHash(
    scope: Scope,
    memoryType: MemoryType,
    contentHash: string,
  ): Promise<Memory | undefined> {
    const [row] = await this.#db
      .select()
      .from(memories)
      .where(
        and(
          eq(memories.userId, scope.userId),
          eq(memories.agentId, scope.agentId),
          eq(memories.memoryType, memoryType),
          eq(memories.contentHash, contentHash),
          isNull(memories.parentId),
        ),
      );
    return row ? toMemory(row) : undefined;
  }

  async findByMigratedFrom(migratedFrom: string): Promise<Memory | undefined> {
    const [row] = await this.#db
      .select()
      .from(memories)
      .where(eq(memories.migratedFrom, migratedFrom));
    return row ? toMemory(row) : undefined;
  }

  async leavesOf(ids: readonly MemoryId[]): Promise<Memory[]> {
    if (ids.length === 0) return [];
    const rows = await this.#db
      .select()
      .from(memories)
      .where(
        and(
          or(inArray(memories.id, [...ids]), inArray(memories.parentId, [...ids])),
          isSearchUnitSql(),
        ),
      )
      .orderBy(memories.chunkIndex);
    return rows.map(toMemory);
  }

  async chunksOf(parentId: MemoryId): Promise<Memory[]> {
    const rows = await this.#db
      .select()
      .from(memories)
      .where(eq(memories.parentId, parentId))
      .orderBy(asc(memories.chunkIndex));
    return rows.map(toMemory);
  }

  async update(
    id: MemoryId,
    fields: { content: string; contentHash: string; metadata: Metadata; updatedAt: Date },
  ): Promise<void> {
    await this.#db.update(memories).set(fields).where(eq(memories.id, id));
  }

  async delete(ids: readonly MemoryId[]): Promise<void> {
    if (ids.length > 0) await this.#db.delete(memories).where(inArray(memories.id, [...ids]));
  }

  async list(filter: MemoryFilter, limit: number, offset: number): Promise<Memory[]> {
    const rows = await this.#db
      .select()
      .from(memories)
      .where(and(memoryFilterSql(filter), isNull(memories.parentId)))
      .orderBy(desc(memories.createdAt), desc(memories.id))
      .limit(limit)
      .offset(offset);
    return rows.map(toMemory);
  }

  async filterIds(ids: readonly MemoryId[], filter: MemoryFilter): Promise<Set<MemoryId>> {
    if (ids.length === 0) return new Set();
    const rows = await this.#db
      .select({ id: memories.id })
      .from(memories)
      .where(and(inArray(memories.id, [...ids]), memoryFilterSql(filter)));
    return new Set(rows.map((row) => row.id));
  }

  async fullTextSearch(filter: MemoryFilter, query: string, limit: number): Promise<RankedId[]> {
    // OR over the query's lexemes: natural-language questions rarely contain every word.
    const tsQuery = sql`to_tsquery('english', array_to_string(tsvector_to_array(to_tsvector('english', ${query})), ' | '))`;
    const rows = await queryRows<{ id: string; score: number }>(
      this.#db,
      sql`select id, ts_rank_cd(search_vector, q, 1) as score
          from memories, ${tsQuery} as q
          where search_vector @@ q and ${memoryFilterSql(filter)} and ${isSearchUnitSql()}
          order by score desc, created_at desc
          limit ${limit}`,
    );
    return rows.map((row) => ({ id: row.id, score: Number(row.score) }));
  }

  async appendHistory(event: HistoryEvent): Promise<void> {
    await this.#db.insert(memoryHistory).values({
      memoryId: event.memoryId,
      userId: event.scope.userId,
      agentId: event.scope.agentId,
      event: event.event,
      oldContent: event.oldContent,
      newContent: event.newContent,
      metadata: event.metadata ?? {},
      ...(event.createdAt ? { createdAt: event.createdAt } : {}),
    });
  }

  async history(memoryId: MemoryId): Promise<StoredHistoryEvent[]> {
    const rows = await this.#db
      .select()
      .from(memoryHistory)
      .where(eq(memoryHistory.memoryId, memoryId))
      .orderBy(asc(memoryHistory.id));
    return rows.map((row) => ({
      id: row.id,
      memoryId: row.memoryId,
      scope: { userId: row.userId, agentId: row.agentId },
      event: row.event,
      oldContent: row.oldContent,
      newContent: row.newContent,
      metadata: row.metadata,
      createdAt: row.createdAt,
    }));
  }

  async enqueue(memoryId: MemoryId, scope: Scope, operation: 'upsert' | 'delete'): Promise<number> {
    const [row] = await this.#db
      .insert(outbox)
      .values({ memoryId, userId: scope.userId, agentId: scope.agentId, operation })
      .returning({ id: outbox.id });
    if (!row) throw new Error('outbox insert returned no row');
    return row.id;
  }

  async pendingOutbox(limit: number): Promise<OutboxItem[]> {
    const rows = await this.#db
      .select()
      .from(outbox)
      .where(eq(outbox.status, 'pending'))
      .orderBy(asc(outbox.id))
      .limit(limit);
    return rows.map((row) => ({
      id: row.id,
      memoryId: row.memoryId,
      scope: { userId: row.userId, agentId: row.agentId },
      operation: row.operation,
      attempts: row.attempts,
    }));
  }

  async completeOutbox(ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.#db
      .update(outbox)
      .set({ status: 'done', processedAt: sql`now()` })
      .where(inArray(outbox.id, [...ids]));
  }

  async failOutbox(id: number, error: string): Promise<void> {
    await this.#db
      .update(outbox)
      .set({ attempts: sql`${outbox.attempts} + 1`, lastError: error.slice(0, 500) })
      .where(eq(outbox.id, id));
  }

  async pendingCount(): Promise<number> {
    const [row] = await this.#db
      .select({ value: count() })
      .from(outbox)
      .where(eq(outbox.status, 'pending'));
    return Number(row?.value ?? 0);
  }

  async scanLeaves(afterId: MemoryId | null, limit: number): Promise<Memory[]> {
    const rows = await this.#db
      .select()
      .from(memories)
      .where(and(afterId ? gt(memories.id, afterId) : undefined, isSearchUnitSql()))
      .orderBy(asc(memories.id))
      .limit(limit);
    return rows.map(toMemory);
  }

  async countLeaves(): Promise<number> {
    const [row] = await this.#db.select({ value: count() }).from(memories).where(isSearchUnitSql());
    return Number(row?.value ?? 0);
  }
}
