import type { Entity } from '../domain/entity.js';
import type { Fact } from '../domain/fact.js';
import { holdsAt } from '../domain/fact-timeline.js';
import type { Memory } from '../domain/memory.js';
import type { Relationship } from '../domain/relationship.js';
import type { EntityDetails } from '../ports/graph-repository.js';
import type { MemoryQueryResult } from '../services/memories/memory-inputs.js';

const orNull = (value: string): string | null => (value === '' ? null : value);

/** A memory as the API shows it (snake_case, absent scope ids as null). */
export function presentMemory(memory: Memory) {
  return {
    id: memory.id,
    content: memory.content,
    user_id: orNull(memory.userId),
    agent_id: orNull(memory.agentId),
    session_id: orNull(memory.sessionId),
    memory_type: memory.memoryType,
    metadata: memory.metadata as Record<string, unknown>,
    parent_id: memory.parentId,
    chunk_index: memory.chunkIndex,
    migrated_from: memory.migratedFrom,
    expires_at: memory.expiresAt ? memory.expiresAt.toISOString() : null,
    created_at: memory.createdAt.toISOString(),
    updated_at: memory.updatedAt.toISOString(),
  };
}

/** An entity, with aliases and mention count when known. */
export function presentEntity(entity: Entity | EntityDetails) {
  return {
    id: entity.id,
    type: entity.type,
    text: entity.text,
    normalized_name: entity.normalizedName,
    user_id: orNull(entity.userId),
    agent_id: orNull(entity.agentId),
    attributes: entity.attributes as Record<string, unknown>,
    ...('aliases' in entity
      ? { aliases: [...entity.aliases], mention_count: entity.mentionCount }
      : {}),
    created_at: entity.createdAt.toISOString(),
    updated_at: entity.updatedAt.toISOString(),
  };
}

/** A relationship with its validity interval; `current` says whether it held at `asOf` (default now). */
export function presentRelationship(relationship: Relationship, asOf?: Date) {
  return {
    id: relationship.id,
    source_entity_id: relationship.sourceEntityId,
    target_entity_id: relationship.targetEntityId,
    relation_type: relationship.relationType,
    metadata: relationship.metadata as Record<string, unknown>,
    memory_id: relationship.memoryId,
    valid_from: relationship.validFrom.toISOString(),
    valid_to: relationship.validTo ? relationship.validTo.toISOString() : null,
    current: asOf ? holdsAt(relationship, asOf) : relationship.validTo === null,
  };
}

/** A fact: a relationship with both ends named, and the value it replaced. */
export function presentFact(fact: Fact) {
  const end = (entity: Entity) => ({ id: entity.id, type: entity.type, text: entity.text });
  const { relationship, replaced } = fact;
  return {
    relationship_id: relationship.id,
    source: end(fact.source),
    relation_type: relationship.relationType,
    target: end(fact.target),
    valid_from: relationship.validFrom.toISOString(),
    valid_to: relationship.validTo?.toISOString() ?? null,
    current: fact.current,
    memory_id: relationship.memoryId,
    ...(replaced
      ? {
          replaced: {
            relationship_id: replaced.relationship.id,
            ...(replaced.target ? { target: end(replaced.target) } : {}),
            valid_from: replaced.relationship.validFrom.toISOString(),
            valid_to: replaced.relationship.validTo?.toISOString() ?? null,
            memory_id: replaced.relationship.memoryId,
          },
        }
      : {}),
  };
}

/** The spec's MemoryQueryResult; relationships say whether they held at `asOf` (default now). */
export function presentResult(result: MemoryQueryResult, asOf?: Date) {
  return {
    memory: presentMemory(result.memory),
    score: result.score,
    entities: result.entities.map(presentEntity),
    relationships: result.relationships.map((edge) => presentRelationship(edge, asOf)),
    ...(result.supersededBy ? { superseded_by: result.supersededBy } : {}),
  };
}
