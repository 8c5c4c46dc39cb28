import { and, asc, count, desc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Memory, MemoryId, Metadata } from '../../domain/memory.js';
import type { Scope } from '../../domain/scope.js';
import type {
  HashKey,
  MemoryFilter,
  MemoryRepository,
  Neighbour,
  RankedId,
} from '../../ports/memory-repository.js';
import { type Database, queryRows } from './database.js';
import { isSearchUnitSql, memoryFilterSql } from './memory-filter-sql.js';
import { memoryColumns, toMemory } from './row-mappers.js';
import { memories } from './schema.js';

/** Memory rows on Postgres; pass a transaction as `db` to make calls atomic. */
export class PgMemoryRepository implements MemoryRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async insert(rows: readonly Memory[]): Promise<void> {
    if (rows.length === 0) return;
    const parents = new Set(rows.map((row) => row.parentId).filter((id) => id !== null));
    await this.#db
      .insert(memories)
      .values(rows.map((row) => ({ ...row, searchable: !parents.has(row.id) })));
  }

  async refreshSearchable(id: MemoryId): Promise<void> {
    await this.#db
      .update(memories)
      .set({
        searchable: sql`not exists (select 1 from memories c where c.parent_id = ${id}::uuid)`,
      })
      .where(eq(memories.id, id));
  }

  async findById(id: MemoryId, scope?: Scope): Promise<Memory | undefined> {
    const [row] = await this.#db
      .select(memoryColumns)
      .from(memories)
      .where(
        and(
          eq(memories.id, id),
          scope ? eq(memories.tenant, scope.tenant) : undefined,
          scope ? eq(memories.userId, scope.userId) : undefined,
          scope ? eq(memories.agentId, scope.agentId) : undefined,
        ),
      );
    return row ? toMemory(row) : undefined;
  }

  async findMany(ids: readonly MemoryId[]): Promise<Memory[]> {
    if (ids.length === 0) return [];
    const rows = await this.#db
      .select(memoryColumns)
      .from(memories)
      .where(inArray(memories.id, [...ids]));
    return rows.map(toMemory);
  }

  async findByHashes(keys: readonly HashKey[]): Promise<Memory[]> {
    if (keys.length === 0) return [];
    const wanted = sql.join(
      keys.map(
        (key) =>
          sql`(${key.scope.tenant}, ${key.scope.userId}, ${key.scope.agentId}, ${key.memoryType}, ${key.contentHash})`,
      ),
      sql`, `,
    );
    // One probe of uq_memories_content per key (LIMIT fences the lateral; the index is unique):
    // without statistics the planner filtered every memory of the user instead.
    const found = this.#db
      .select()
      .from(memories)
      .where(
        and(
          sql`${memories.tenant} = wanted.tenant`,
          sql`${memories.userId} = wanted.user_id`,
          sql`${memories.agentId} = wanted.agent_id`,
          sql`${memories.memoryType} = wanted.memory_type`,
          sql`${memories.contentHash} = wanted.content_hash`,
          isNull(memories.parentId),
        ),
      )
      .limit(1)
      .as('found');
    const rows = await this.#db
      .select(found._.selectedFields)
      .from(
        sql`(values ${wanted}) as wanted (tenant, user_id, agent_id, memory_type, content_hash)`,
      )
      .innerJoinLateral(found, sql`true`);
    return rows.map(toMemory);
  }

  async findByMigratedFrom(migratedFrom: string): Promise<Memory | undefined> {
    const [row] = await this.#db
      .select(memoryColumns)
      .from(memories)
      .where(eq(memories.migratedFrom, migratedFrom));
    return row ? toMemory(row) : undefined;
  }

  async searchUnitsOf(ids: readonly MemoryId[]): Promise<Memory[]> {
    if (ids.length === 0) return [];
    const rows = await this.#db
      .select(memoryColumns)
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
      .select(memoryColumns)
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

  async lockForWrite(id: MemoryId): Promise<Date | undefined> {
    const [row] = await this.#db
      .select({ updatedAt: memories.updatedAt })
      .from(memories)
      .where(eq(memories.id, id))
      .for('update');
    return row?.updatedAt;
  }

  async delete(ids: readonly MemoryId[]): Promise<void> {
    if (ids.length > 0) await this.#db.delete(memories).where(inArray(memories.id, [...ids]));
  }

  async list(filter: MemoryFilter, limit: number, offset: number): Promise<Memory[]> {
    const rows = await this.#db
      .select(memoryColumns)
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
    // Okapi BM25 (k1 1.2, b 0.75) over the english tsvector. Document frequencies come from the
    // GIN index within the filter; terms found in over half the documents (a speaker's name in
    // every turn) still score but do not select candidates, which keeps the work small.
    const where = sql`${memoryFilterSql(filter)} and ${isSearchUnitSql()}`;
    const rows = await queryRows<{ id: string; score: number }>(
      this.#db,
      sql`with terms as (
            select distinct lexeme from unnest(to_tsvector('english', ${query}))
          ),
          corpus as (select count(*)::float8 as n from memories where ${where}),
          term_df as (
            select t.lexeme,
                   (select count(*) from memories
                    where search_vector @@ to_tsquery('simple', quote_literal(t.lexeme)) and ${where})::float8 as df
            from terms t
          ),
          selective as (
            select lexeme from (select lexeme, df, row_number() over (order by df) as rarest from term_df where df > 0) ranked, corpus
            where df <= corpus.n * 0.5 or rarest = 1
          ),
          docs as (
            select id, search_vector, length(search_vector)::float8 as dl
            from memories
            where search_vector @@ to_tsquery('simple', (select coalesce(string_agg(quote_literal(lexeme), ' | '), '') from selective))
              and ${where}
          ),
          postings as (
            select d.id, d.dl, u.lexeme, coalesce(array_length(u.positions, 1), 1)::float8 as tf
            from docs d, unnest(d.search_vector) u
            where u.lexeme in (select lexeme from terms)
          ),
          -- Materialized: inlined, a one-word query's plan recomputed the average once per document.
          stats as materialized (select greatest(avg(dl), 1)::float8 as avgdl from docs)
          select p.id, sum(
                   ln(1 + (c.n - df.df + 0.5) / (df.df + 0.5))
                   * (p.tf * 2.2) / (p.tf + 1.2 * (0.25 + 0.75 * p.dl / s.avgdl))
                 ) as score
          from postings p join term_df df using (lexeme) cross join corpus c cross join stats s
          group by p.id
          order by score desc, p.id
          limit ${limit}`,
    );
    return rows.map((row) => ({ id: row.id, score: Number(row.score) }));
  }

  async neighboursOf(
    ids: readonly MemoryId[],
    radius: number,
  ): Promise<Map<MemoryId, Neighbour[]>> {
    if (ids.length === 0 || radius < 1) return new Map();
    const list = sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    );
    const sameSession = sql`m.tenant = h.tenant and m.user_id = h.user_id and m.agent_id = h.agent_id and m.session_id = h.session_id
      and m.searchable`;
    const rows = await queryRows<{ hit: string; id: string; distance: number }>(
      this.#db,
      sql`select h.id as hit, x.id, x.distance
          from memories h
          cross join lateral (
            (select m.id, row_number() over (order by m.created_at desc, m.id desc) as distance
             from memories m
             where ${sameSession} and (m.created_at, m.id) < (h.created_at, h.id)
             order by m.created_at desc, m.id desc limit ${radius})
            union all
            (select m.id, row_number() over (order by m.created_at, m.id) as distance
             from memories m
             where ${sameSession} and (m.created_at, m.id) > (h.created_at, h.id)
             order by m.created_at, m.id limit ${radius})
          ) x
          where h.id in (${list}) and h.session_id <> ''`,
    );
    const byHit = new Map<MemoryId, Neighbour[]>();
    for (const row of rows) {
      byHit.set(row.hit, [
        ...(byHit.get(row.hit) ?? []),
        { id: row.id, distance: Number(row.distance) },
      ]);
    }
    return byHit;
  }

  async scanSearchUnits(afterId: MemoryId | null, limit: number): Promise<Memory[]> {
    const rows = await this.#db
      .select(memoryColumns)
      .from(memories)
      .where(and(afterId ? gt(memories.id, afterId) : undefined, isSearchUnitSql()))
      .orderBy(asc(memories.id))
      .limit(limit);
    return rows.map(toMemory);
  }

  async countSearchUnits(filter?: MemoryFilter): Promise<number> {
    const [row] = await this.#db
      .select({ value: count() })
      .from(memories)
      .where(and(filter ? memoryFilterSql(filter) : undefined, isSearchUnitSql()));
    return Number(row?.value ?? 0);
  }
}
