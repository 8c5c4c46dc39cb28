import { and, desc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { EntityId } from '../../domain/entity.js';
import type { Relationship } from '../../domain/relationship.js';
import type { EntityMentionIn, ScopeGraph, ScopeSummary } from '../../domain/scope-summary.js';
import type { ScopeCatalog, ScopeGraphQuery } from '../../ports/scope-catalog.js';
import { type Database, queryRows } from './database.js';
import { toEntity, toMemory, toRelationship } from './row-mappers.js';
import { entities, memories, memoryEntities, relationships } from './schema.js';

/** Most edges one graph answer holds (the newest first). */
const MAX_GRAPH_EDGES = 20_000;

interface ScopeRow {
  user_id: string;
  agent_id: string;
  memories: number;
  entities: number;
  relationships: number;
  last_at: Date | string;
}

/** Scope listings and whole-scope graphs on Postgres (reads only). */
export class PgScopeCatalog implements ScopeCatalog {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async scopes(
    tenant: string,
    limit: number,
    offset: number,
    userId?: string,
  ): Promise<ScopeSummary[]> {
    const ofUser = userId === undefined ? sql`true` : sql`user_id = ${userId}`;
    const rows = await queryRows<ScopeRow>(
      this.#db,
      sql`with m as (
            select user_id, agent_id, count(*)::int as memories, max(created_at) as last_at
            from memories where parent_id is null and tenant = ${tenant} and ${ofUser}
            group by user_id, agent_id
          ), e as (
            select user_id, agent_id, count(*)::int as entities from entities
            where merged_into is null and tenant = ${tenant} group by user_id, agent_id
          ), r as (
            select s.user_id, s.agent_id, count(*)::int as relationships
            from relationships r join entities s on s.id = r.source_entity_id
            where s.tenant = ${tenant}
            group by s.user_id, s.agent_id
          )
          select m.user_id, m.agent_id, m.memories, coalesce(e.entities, 0)::int as entities,
                 coalesce(r.relationships, 0)::int as relationships, m.last_at
          from m left join e using (user_id, agent_id) left join r using (user_id, agent_id)
          order by m.last_at desc, m.user_id, m.agent_id
          limit ${limit} offset ${offset}`,
    );
    return rows.map((row) => ({
      scope: { tenant, userId: row.user_id, agentId: row.agent_id },
      memories: Number(row.memories),
      entities: Number(row.entities),
      relationships: Number(row.relationships),
      lastMemoryAt: new Date(row.last_at),
    }));
  }

  async graph(query: ScopeGraphQuery): Promise<ScopeGraph> {
    const { scope, asOf, limit } = query;
    // With as_of, an entity exists from its first mention in a memory written by then.
    const where = and(
      eq(entities.tenant, scope.tenant),
      eq(entities.userId, scope.userId),
      eq(entities.agentId, scope.agentId),
      // A merged entity stays as a pointer to its survivor; it is no node of its own.
      isNull(entities.mergedInto),
      asOf ? lte(memories.createdAt, asOf) : undefined,
    );
    const [total] = await this.#db
      .select({ value: sql<number>`count(distinct ${entities.id})::int` })
      .from(entities)
      .leftJoin(memoryEntities, eq(memoryEntities.entityId, entities.id))
      .leftJoin(memories, eq(memories.id, memoryEntities.memoryId))
      .where(where);
    const mentions = sql<number>`count(distinct ${memories.id})::int`;
    const rows = await this.#db
      .select({ entity: entities, mentions })
      .from(entities)
      .leftJoin(memoryEntities, eq(memoryEntities.entityId, entities.id))
      .leftJoin(memories, eq(memories.id, memoryEntities.memoryId))
      .where(where)
      .groupBy(entities.id)
      .orderBy(desc(mentions), entities.id)
      .limit(limit);
    const nodes = rows.map((row) => ({
      entity: toEntity(row.entity),
      mentionCount: Number(row.mentions),
    }));
    const totalEntities = Number(total?.value ?? 0);
    const ids = new Set(nodes.map((node) => node.entity.id));
    return {
      nodes,
      edges: (await this.#edgesOf(query)).filter(
        (edge) => ids.has(edge.sourceEntityId) && ids.has(edge.targetEntityId),
      ),
      totalEntities,
      truncated: totalEntities > nodes.length,
    };
  }

  async mentionsOf(entityId: EntityId, limit: number): Promise<EntityMentionIn[]> {
    const rows = await this.#db
      .select({ memory: memories, start: memoryEntities.start, end: memoryEntities.end })
      .from(memoryEntities)
      .innerJoin(memories, eq(memories.id, memoryEntities.memoryId))
      .where(eq(memoryEntities.entityId, entityId))
      .orderBy(desc(memories.createdAt), memories.id, memoryEntities.start)
      .limit(limit * 8);
    const found = new Map<string, EntityMentionIn & { spans: { start: number; end: number }[] }>();
    for (const row of rows) {
      const seen = found.get(row.memory.id);
      if (seen) seen.spans.push({ start: row.start, end: row.end });
      else if (found.size < limit)
        found.set(row.memory.id, {
          memory: toMemory(row.memory),
          spans: [{ start: row.start, end: row.end }],
        });
    }
    return [...found.values()];
  }

  /** Relationships leaving the scope's entities (started by `asOf`), newest first. */
  async #edgesOf({ scope, asOf }: ScopeGraphQuery): Promise<Relationship[]> {
    const rows = await this.#db
      .select({ relationship: relationships })
      .from(relationships)
      .innerJoin(entities, eq(entities.id, relationships.sourceEntityId))
      .where(
        and(
          eq(entities.tenant, scope.tenant),
          eq(entities.userId, scope.userId),
          eq(entities.agentId, scope.agentId),
          asOf ? lte(relationships.validFrom, asOf) : undefined,
        ),
      )
      .orderBy(desc(relationships.validFrom), relationships.id)
      .limit(MAX_GRAPH_EDGES);
    return rows.map((row) => toRelationship(row.relationship));
  }
}
