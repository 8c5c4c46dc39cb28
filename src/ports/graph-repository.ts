import type { Entity, EntityId, EntityType } from '../domain/entity.js';
import type { MemoryId, Metadata } from '../domain/memory.js';
import type { Relationship, RelationshipId } from '../domain/relationship.js';
import type { Scope } from '../domain/scope.js';

export interface EntityInput {
  readonly scope: Scope;
  readonly type: EntityType;
  /** The name as written; becomes the canonical text when the entity is new. */
  readonly text: string;
  readonly attributes?: Metadata;
}

export interface MentionInput {
  readonly memoryId: MemoryId;
  readonly entityId: EntityId;
  readonly mention: string;
  readonly start: number;
  readonly end: number;
  readonly confidence: number;
}

/** A stored mention: which memory names which entity where. */
export type Mention = MentionInput;

export interface RelationshipInput {
  readonly sourceEntityId: EntityId;
  readonly targetEntityId: EntityId;
  readonly relationType: string;
  readonly confidence: number;
  readonly sentence: string;
  readonly memoryId: MemoryId;
  /** When the fact became true: the date the text gives ("last month"), else the memory's time. */
  readonly validFrom: Date;
  /**
   * When the asserting memory was said, when the text dated the fact earlier (`validFrom` is then
   * that date). A value stated before this memory without a date of its own, starting after
   * `validFrom`, was out of date when said: this newer statement ends it ("Karim lives in
   * Chicago", then "Karim moved from Chicago to Austin last month").
   */
  readonly saidAt?: Date;
  /** Single-valued types (lives_in, …) close the source's other current edges of the type. */
  readonly singleValued: boolean;
  /**
   * The fact stopped at `validFrom`: the edge source → target of the type (or target → source of
   * its inverse) that held then is closed there. With none holding and none known before, a closed
   * edge that ends there records it.
   */
  readonly ends?: boolean;
}

export interface EntityFilter {
  readonly scope: Scope;
  /** Matches canonical names and aliases, case- and accent-insensitively (prefix match). */
  readonly name?: string;
  readonly type?: EntityType;
  readonly limit: number;
  readonly offset: number;
}

/** An entity with its aliases and how many memories mention it. */
export interface EntityDetails extends Entity {
  readonly aliases: readonly string[];
  readonly mentionCount: number;
}

export interface Graph {
  readonly nodes: readonly Entity[];
  readonly edges: readonly Relationship[];
}

/** Entities, aliases, mentions and relationships: the knowledge graph in Postgres. */
export interface GraphRepository {
  /**
   * Returns the canonical entity for each (scope, type, normalised name), in input order, in one
   * statement; each is created once even under concurrency.
   */
  upsertEntities(inputs: readonly EntityInput[]): Promise<Entity[]>;
  /** Records other names of entities in one statement (idempotent). */
  addAliases(aliases: readonly { entityId: EntityId; alias: string }[]): Promise<void>;
  /** Entities in `scope` whose canonical name or alias normalises to `normalizedName`. */
  findByName(scope: Scope, normalizedName: string, type?: EntityType): Promise<Entity[]>;
  /** Entities in `scope`, of any type, whose canonical name is one of `normalizedNames`. */
  findByNames(scope: Scope, normalizedNames: readonly string[]): Promise<Entity[]>;
  /**
   * Entities of `type` in `scope` whose canonical name is one of `normalizedPrefixes` followed by
   * more words ("mercy general" → "mercy general hospital"), at most 20 per prefix.
   */
  findByNameStarts(
    scope: Scope,
    normalizedPrefixes: readonly string[],
    type: EntityType,
  ): Promise<Entity[]>;
  /** One entity with aliases and mention count, if it exists in `scope`. */
  findEntity(id: EntityId, scope?: Scope): Promise<EntityDetails | undefined>;
  /** Entities matching a filter, most mentioned first. */
  searchEntities(filter: EntityFilter): Promise<EntityDetails[]>;
  /** Links memories to entities (idempotent per memory, entity and start offset). */
  addMentions(mentions: readonly MentionInput[]): Promise<void>;
  /** Adds or reinforces a current relationship and its evidence; returns it. */
  upsertRelationship(input: RelationshipInput): Promise<Relationship>;
  /**
   * The same for many relationships, as if upserted one by one in input order, in few statements
   * (multi-valued assertions as one set); returns them in input order.
   */
  upsertRelationships(inputs: readonly RelationshipInput[]): Promise<Relationship[]>;
  /** Relationships touching an entity in either direction, current and closed. */
  relationshipsOf(entityId: EntityId): Promise<Relationship[]>;
  /** The entities and relationships within `depth` hops of an entity. */
  neighbourhood(entityId: EntityId, depth: number): Promise<Graph>;
  /** Mentions of the given memories, with their entities (one query). */
  mentionsOf(memoryIds: readonly MemoryId[]): Promise<Array<Mention & { entity: Entity }>>;
  /** Relationships asserted by (evidenced in) the given memories (one query). */
  relationshipsOfMemories(
    memoryIds: readonly MemoryId[],
  ): Promise<Array<Relationship & { evidenceMemoryId: MemoryId }>>;
  /** Every value, current and closed, on the timelines of these sources and types (one query). */
  timelinesOf(
    keys: readonly { sourceEntityId: EntityId; relationType: string }[],
  ): Promise<Relationship[]>;
  /** How many memories mention each entity (one query). */
  mentionCounts(entityIds: readonly EntityId[]): Promise<Map<EntityId, number>>;
  /**
   * Memories that mention any of the entities, or entities one hop away from them that at most
   * `maxMentions` memories mention.
   */
  memoriesMentioning(
    scope: Scope,
    entityIds: readonly EntityId[],
    limit: number,
    maxMentions: number,
  ): Promise<MemoryId[]>;
  /**
   * Drops a memory's mentions and evidence; relationships left with no evidence are removed,
   * and entities left with no mention are removed. Returns what was removed.
   */
  detachMemory(
    memoryIds: readonly MemoryId[],
  ): Promise<{ relationships: number; entities: number }>;
}

export type { RelationshipId };
