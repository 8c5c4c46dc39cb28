import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import {
  type Entity,
  type EntityId,
  type EntityType,
  normalizeEntityName,
} from '../../domain/entity.js';
import type { MemoryId } from '../../domain/memory.js';
import type { Relationship } from '../../domain/relationship.js';
import type { Scope } from '../../domain/scope.js';
import type {
  EntityDetails,
  EntityFilter,
  EntityInput,
  Graph,
  GraphRepository,
  Mention,
  MentionInput,
  RelationshipInput,
} from '../../ports/graph-repository.js';
import type { Database } from './database.js';
import { survivorsOf } from './pg-entity-redirects.js';
import { detachMemories } from './pg-graph-cleanup.js';
import { memoriesMentioning, neighbourhoodOf } from './pg-graph-traversal.js';
import { relationshipsOf, relationshipsOfMemories, timelinesOf } from './pg-relationship-reads.js';
import { upsertRelationships } from './pg-relationship-set.js';
import { upsertRelationship } from './pg-relationship-upsert.js';
import { toEntity } from './row-mappers.js';
import { entities, entityAliases, memoryEntities } from './schema.js';

/** The knowledge graph on Postgres; pass a transaction as `db` to make calls atomic. */
export class PgGraphRepository implements GraphRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async upsertEntities(inputs: readonly EntityInput[]): Promise<Entity[]> {
    if (inputs.length === 0) return [];
    const keyOf = (tenant: string, userId: string, agentId: string, type: string, name: string) =>
      `${tenant}\u0000${userId}\u0000${agentId}\u0000${type}\u0000${name}`;
    const values = new Map<string, typeof entities.$inferInsert>();
    for (const input of inputs) {
      const normalizedName = normalizeEntityName(input.text, input.type);
      const key = keyOf(
        input.scope.tenant,
        input.scope.userId,
        input.scope.agentId,
        input.type,
        normalizedName,
      );
      const seen = values.get(key);
      if (seen) {
        seen.attributes = { ...(seen.attributes ?? {}), ...(input.attributes ?? {}) };
      } else {
        values.set(key, {
          id: randomUUID(),
          tenant: input.scope.tenant,
          userId: input.scope.userId,
          agentId: input.scope.agentId,
          type: input.type,
          text: input.text,
          normalizedName,
          attributes: input.attributes ?? {},
        });
      }
    }
    // Sorted, so concurrent writers lock the same rows in the same order.
    const sorted = [...values]
      .sort(([left], [right]) => left.localeCompare(right))
      .map(([, value]) => value);
    const rows = await this.#db
      .insert(entities)
      .values(sorted)
      .onConflictDoUpdate({
        target: [
          entities.tenant,
          entities.userId,
          entities.agentId,
          entities.type,
          entities.normalizedName,
        ],
        // What a later text says about the entity adds to (or corrects) what is known.
        set: {
          updatedAt: sql`now()`,
          attributes: sql`${entities.attributes} || excluded.attributes`,
        },
      })
      .returning();
    // A name merged into another entity resolves to the survivor.
    const survivors = await survivorsOf(this.#db, rows);
    const byKey = new Map(
      rows.map((row) => [
        keyOf(row.tenant, row.userId, row.agentId, row.type, row.normalizedName),
        survivors.get(row.id) ?? toEntity(row),
      ]),
    );
    return inputs.map((input) => {
      const entity = byKey.get(
        keyOf(
          input.scope.tenant,
          input.scope.userId,
          input.scope.agentId,
          input.type,
          normalizeEntityName(input.text, input.type),
        ),
      );
      if (!entity) throw new Error('entity upsert returned no row');
      return entity;
    });
  }

  async addAliases(aliases: readonly { entityId: EntityId; alias: string }[]): Promise<void> {
    const rows = new Map<string, { entityId: string; alias: string; normalizedAlias: string }>();
    for (const { entityId, alias } of aliases) {
      const normalizedAlias = normalizeEntityName(alias);
      if (normalizedAlias)
        rows.set(`${entityId}\u0000${normalizedAlias}`, { entityId, alias, normalizedAlias });
    }
    if (rows.size > 0)
      await this.#db
        .insert(entityAliases)
        .values([...rows.values()])
        .onConflictDoNothing();
  }

  async findByName(scope: Scope, normalizedName: string, type?: EntityType): Promise<Entity[]> {
    const aliased = this.#db
      .select({ id: entityAliases.entityId })
      .from(entityAliases)
      .where(eq(entityAliases.normalizedAlias, normalizedName));
    const rows = await this.#db
      .select()
      .from(entities)
      .where(
        and(
          ...liveEntitiesIn(scope),
          type ? eq(entities.type, type) : undefined,
          or(eq(entities.normalizedName, normalizedName), inArray(entities.id, aliased)),
        ),
      );
    return rows.map(toEntity);
  }

  async findByNames(scope: Scope, normalizedNames: readonly string[]): Promise<Entity[]> {
    if (normalizedNames.length === 0) return [];
    const rows = await this.#db
      .select()
      .from(entities)
      .where(
        and(
          ...liveEntitiesIn(scope),
          inArray(entities.normalizedName, [...new Set(normalizedNames)]),
        ),
      );
    return rows.map(toEntity);
  }

  async findByNameStarts(
    scope: Scope,
    normalizedPrefixes: readonly string[],
    type: EntityType,
  ): Promise<Entity[]> {
    const prefixes = [...new Set(normalizedPrefixes)];
    if (prefixes.length === 0) return [];
    const rows = await this.#db
      .select()
      .from(entities)
      .where(
        and(
          ...liveEntitiesIn(scope),
          eq(entities.type, type),
          or(
            ...prefixes.map(
              (prefix) => sql`${entities.normalizedName} like ${`${escapeLike(prefix)} %`}`,
            ),
          ),
        ),
      )
      .limit(20 * prefixes.length);
    return rows.map(toEntity);
  }

  async findEntity(id: EntityId, scope?: Scope): Promise<EntityDetails | undefined> {
    const [row] = await this.#db
      .select()
      .from(entities)
      .where(
        and(
          eq(entities.id, id),
          scope ? eq(entities.tenant, scope.tenant) : undefined,
          scope ? eq(entities.userId, scope.userId) : undefined,
          scope ? eq(entities.agentId, scope.agentId) : undefined,
        ),
      );
    if (!row) return undefined;
    const [details] = await this.#withDetails([toEntity(row)]);
    return details;
  }

  async searchEntities(filter: EntityFilter): Promise<EntityDetails[]> {
    const name = filter.name ? normalizeEntityName(filter.name) : undefined;
    const aliased = name
      ? this.#db
          .select({ id: entityAliases.entityId })
          .from(entityAliases)
          .where(sql`${entityAliases.normalizedAlias} like ${`${escapeLike(name)}%`}`)
      : undefined;
    const mentionCount = sql<number>`(select count(*) from memory_entities me where me.entity_id = ${entities.id})`;
    const rows = await this.#db
      .select()
      .from(entities)
      .where(
        and(
          eq(entities.tenant, filter.scope.tenant),
          eq(entities.userId, filter.scope.userId),
          eq(entities.agentId, filter.scope.agentId),
          isNull(entities.mergedInto),
          filter.type ? eq(entities.type, filter.type) : undefined,
          name && aliased
            ? or(
                sql`${entities.normalizedName} like ${`${escapeLike(name)}%`}`,
                inArray(entities.id, aliased),
              )
            : undefined,
        ),
      )
      .orderBy(desc(mentionCount), entities.normalizedName)
      .limit(filter.limit)
      .offset(filter.offset);
    return this.#withDetails(rows.map(toEntity));
  }

  async addMentions(mentions: readonly MentionInput[]): Promise<void> {
    if (mentions.length === 0) return;
    await this.#db
      .insert(memoryEntities)
      .values([...mentions])
      .onConflictDoNothing();
  }

  async upsertRelationship(input: RelationshipInput): Promise<Relationship> {
    return upsertRelationship(this.#db, input);
  }

  async upsertRelationships(inputs: readonly RelationshipInput[]): Promise<Relationship[]> {
    return upsertRelationships(this.#db, inputs);
  }

  async relationshipsOf(entityId: EntityId): Promise<Relationship[]> {
    return relationshipsOf(this.#db, entityId);
  }

  async relationshipsOfMemories(
    memoryIds: readonly MemoryId[],
  ): Promise<Array<Relationship & { evidenceMemoryId: MemoryId }>> {
    return relationshipsOfMemories(this.#db, memoryIds);
  }

  async timelinesOf(
    keys: readonly { sourceEntityId: EntityId; relationType: string }[],
  ): Promise<Relationship[]> {
    return timelinesOf(this.#db, keys);
  }

  async neighbourhood(entityId: EntityId, depth: number): Promise<Graph> {
    return neighbourhoodOf(this.#db, entityId, depth);
  }

  async mentionsOf(memoryIds: readonly MemoryId[]): Promise<Array<Mention & { entity: Entity }>> {
    if (memoryIds.length === 0) return [];
    // Each mention's entity by primary key (LIMIT fences the lateral): without statistics the
    // planner hashed the whole entities table instead.
    const entity = this.#db
      .select()
      .from(entities)
      .where(eq(entities.id, memoryEntities.entityId))
      .limit(1)
      .as('entity');
    const rows = await this.#db
      .select()
      .from(memoryEntities)
      .innerJoinLateral(entity, sql`true`)
      .where(inArray(memoryEntities.memoryId, [...memoryIds]))
      .orderBy(memoryEntities.memoryId, memoryEntities.start);
    return rows.map((row) => ({ ...row.memory_entities, entity: toEntity(row.entity) }));
  }

  async mentionCounts(entityIds: readonly EntityId[]): Promise<Map<EntityId, number>> {
    if (entityIds.length === 0) return new Map();
    const rows = await this.#db
      .select({
        id: memoryEntities.entityId,
        count: sql<number>`count(distinct ${memoryEntities.memoryId})::int`,
      })
      .from(memoryEntities)
      .where(inArray(memoryEntities.entityId, [...entityIds]))
      .groupBy(memoryEntities.entityId);
    return new Map(rows.map((row) => [row.id, Number(row.count)]));
  }

  async memoriesMentioning(
    scope: Scope,
    entityIds: readonly EntityId[],
    limit: number,
    maxMentions: number,
  ): Promise<MemoryId[]> {
    return memoriesMentioning(this.#db, scope, entityIds, limit, maxMentions);
  }

  async detachMemory(
    memoryIds: readonly MemoryId[],
  ): Promise<{ relationships: number; entities: number }> {
    return detachMemories(this.#db, memoryIds);
  }

  async #withDetails(list: Entity[]): Promise<EntityDetails[]> {
    if (list.length === 0) return [];
    const ids = list.map((entity) => entity.id);
    const aliasRows = await this.#db
      .select()
      .from(entityAliases)
      .where(inArray(entityAliases.entityId, ids));
    const countRows = await this.#db
      .select({
        id: memoryEntities.entityId,
        count: sql<number>`count(distinct ${memoryEntities.memoryId})::int`,
      })
      .from(memoryEntities)
      .where(inArray(memoryEntities.entityId, ids))
      .groupBy(memoryEntities.entityId);
    const counts = new Map(countRows.map((row) => [row.id, Number(row.count)]));
    return list.map((entity) => ({
      ...entity,
      aliases: aliasRows.filter((row) => row.entityId === entity.id).map((row) => row.alias),
      mentionCount: counts.get(entity.id) ?? 0,
    }));
  }
}

/** The conditions of an entity that is `scope`'s own and not merged away. */
function liveEntitiesIn(scope: Scope) {
  return [
    eq(entities.tenant, scope.tenant),
    eq(entities.userId, scope.userId),
    eq(entities.agentId, scope.agentId),
    isNull(entities.mergedInto),
  ];
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}
