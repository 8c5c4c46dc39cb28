import { inArray, or, sql } from 'drizzle-orm';
import type { EntityId } from '../../domain/entity.js';
import type { MemoryId } from '../../domain/memory.js';
import type { Relationship } from '../../domain/relationship.js';
import type { Scope } from '../../domain/scope.js';
import type { Graph } from '../../ports/graph-repository.js';
import { type Database, queryRows } from './database.js';
import { toEntity, toRelationship } from './row-mappers.js';
import { entities, relationships } from './schema.js';

const MAX_GRAPH_EDGES = 500;

/** The entities and relationships within `depth` hops of an entity (at most 500 edges). */
export async function neighbourhoodOf(
  db: Database,
  entityId: EntityId,
  depth: number,
): Promise<Graph> {
  const seen = new Set<EntityId>([entityId]);
  const edges = new Map<string, Relationship>();
  let frontier: EntityId[] = [entityId];
  for (let hop = 0; hop < depth && frontier.length > 0 && edges.size < MAX_GRAPH_EDGES; hop += 1) {
    const rows = await db
      .select()
      .from(relationships)
      .where(
        or(
          inArray(relationships.sourceEntityId, frontier),
          inArray(relationships.targetEntityId, frontier),
        ),
      )
      .limit(MAX_GRAPH_EDGES);
    const next: EntityId[] = [];
    for (const row of rows) {
      edges.set(row.id, toRelationship(row));
      for (const id of [row.sourceEntityId, row.targetEntityId]) {
        if (!seen.has(id)) {
          seen.add(id);
          next.push(id);
        }
      }
    }
    frontier = next;
  }
  const nodes = await db
    .select()
    .from(entities)
    .where(inArray(entities.id, [...seen]));
  return { nodes: nodes.map(toEntity), edges: [...edges.values()] };
}

/**
 * Memories mentioning the entities (weight 2) or entities one current hop away (weight 1), best
 * first. A hop entity that more than `maxMentions` memories mention (the speaker, linked to
 * everything) is not followed: it would bring in the scope's whole history. Every step is an
 * index lookup per entity, then one primary-key probe per candidate (the OFFSET and LIMIT fences
 * keep the planner from scanning the user's memories and probing mentions per memory, or probing
 * a scope index per candidate, which it chose without statistics). Only candidates weighing at
 * least the `limit`-th best are probed: an entity links memories of its own scope, so those hold
 * the answer; should the scope drop some, the query runs again over every candidate.
 */
export async function memoriesMentioning(
  db: Database,
  scope: Scope,
  entityIds: readonly EntityId[],
  limit: number,
  maxMentions: number,
): Promise<MemoryId[]> {
  if (entityIds.length === 0) return [];
  const rows = await mentioningRows(db, scope, entityIds, limit, maxMentions, true);
  const [first] = rows;
  const cutAny = !first || first.scored > limit;
  if (rows.length >= limit || !cutAny) return rows.map((row) => row.id);
  const all = await mentioningRows(db, scope, entityIds, limit, maxMentions, false);
  return all.map((row) => row.id);
}

async function mentioningRows(
  db: Database,
  scope: Scope,
  entityIds: readonly EntityId[],
  limit: number,
  maxMentions: number,
  cut: boolean,
): Promise<Array<{ id: MemoryId; scored: number }>> {
  const seeds = sql.join(
    entityIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = await queryRows<{ id: string; scored: number | string }>(
    db,
    sql`with hop as (
          select id, 2 as weight from entities where id in (${seeds})
          union all
          select near.id, 1
          from relationships r
          cross join lateral (
            select case when r.source_entity_id in (${seeds}) then r.target_entity_id else r.source_entity_id end as id
          ) near
          where (r.source_entity_id in (${seeds}) or r.target_entity_id in (${seeds})) and r.valid_to is null
            and (select count(*) from (
                  select 1 from memory_entities me where me.entity_id = near.id limit ${maxMentions + 1}
                ) mentioned) <= ${maxMentions}
        ),
        scored as materialized (
          select linked.memory_id, sum(hop.weight) as weight
          from hop
          cross join lateral (
            select me.memory_id from memory_entities me where me.entity_id = hop.id offset 0
          ) linked
          group by linked.memory_id
        ),
        cut as materialized (
          select count(*) as scored,
                 ${cut ? sql`coalesce((select min(top.weight) from (select weight from scored order by weight desc limit ${limit}) top), 0)` : sql`0`} as weight
          from scored
        )
        select s.memory_id as id, cut.scored
        from scored s
        cross join cut
        cross join lateral (
          select m.created_at, m.tenant, m.user_id, m.agent_id from memories m where m.id = s.memory_id limit 1
        ) m
        where s.weight >= cut.weight
          and m.tenant = ${scope.tenant} and m.user_id = ${scope.userId} and m.agent_id = ${scope.agentId}
        order by s.weight desc, m.created_at desc
        limit ${limit}`,
  );
  return rows.map((row) => ({ id: row.id, scored: Number(row.scored) }));
}
