import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { MemoryId } from '../../domain/memory.js';
import type { Relationship } from '../../domain/relationship.js';
import type { Database } from './database.js';
import { entities, memoryEntities, relationshipEvidence, relationships } from './schema.js';

/**
 * Drops the memories' mentions and evidence; relationships left with no evidence and entities
 * left with no mention are removed. Returns how many of each went.
 */
export async function detachMemories(
  db: Database,
  memoryIds: readonly MemoryId[],
): Promise<{ relationships: number; entities: number }> {
  if (memoryIds.length === 0) return { relationships: 0, entities: 0 };
  const ids = [...memoryIds];
  const touchedEntities = await db
    .delete(memoryEntities)
    .where(inArray(memoryEntities.memoryId, ids))
    .returning({ id: memoryEntities.entityId });
  const touchedRelationships = await db
    .delete(relationshipEvidence)
    .where(inArray(relationshipEvidence.memoryId, ids))
    .returning({ id: relationshipEvidence.relationshipId });
  const removedRelationships = await deleteUnsupported(
    db,
    unique(touchedRelationships.map((row) => row.id)),
  );
  const removedEntities = await deleteUnmentioned(db, unique(touchedEntities.map((row) => row.id)));
  return { relationships: removedRelationships, entities: removedEntities };
}

/**
 * Deletes relationships with no evidence left. A deleted value of a single-valued timeline hands
 * its time back: the value it had closed holds again until the deleted one would have ended.
 */
async function deleteUnsupported(db: Database, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const removed = await db
    .delete(relationships)
    .where(
      and(
        inArray(relationships.id, ids),
        sql`not exists (select 1 from relationship_evidence e where e.relationship_id = ${relationships.id})`,
      ),
    )
    .returning();
  for (const edge of removed) await handBackTime(db, edge);
  return removed.length;
}

/**
 * Before or after a single-valued edge goes: the value it had closed on its source's timeline
 * holds again until the removed one would have ended (unless that value is held again already).
 * `except` is a target that is itself going and gets nothing back.
 */
export async function handBackTime(
  db: Database,
  edge: Pick<Relationship, 'sourceEntityId' | 'relationType' | 'validFrom' | 'validTo'>,
  except?: string,
): Promise<void> {
  await db
    .update(relationships)
    .set({ validTo: edge.validTo, updatedAt: sql`now()` })
    .where(
      and(
        eq(relationships.sourceEntityId, edge.sourceEntityId),
        eq(relationships.relationType, edge.relationType),
        eq(relationships.validTo, edge.validFrom),
        except ? ne(relationships.targetEntityId, except) : undefined,
        edge.validTo === null
          ? sql`not exists (select 1 from relationships c where c.source_entity_id = ${edge.sourceEntityId}::uuid and c.target_entity_id = ${relationships.targetEntityId} and c.relation_type = ${edge.relationType} and c.valid_to is null)`
          : undefined,
      ),
    );
}

async function deleteUnmentioned(db: Database, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const removed = await db
    .delete(entities)
    .where(
      and(
        inArray(entities.id, ids),
        sql`not exists (select 1 from memory_entities me where me.entity_id = ${entities.id})`,
      ),
    )
    .returning({ id: entities.id });
  return removed.length;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
