import { eq, inArray, or, sql } from 'drizzle-orm';
import type { EntityId } from '../../domain/entity.js';
import type { MemoryId } from '../../domain/memory.js';
import type { Relationship } from '../../domain/relationship.js';
import type { Database } from './database.js';
import { toRelationship } from './row-mappers.js';
import { relationshipEvidence, relationships } from './schema.js';

/** Relationships touching an entity in either direction, current and closed, oldest first. */
export async function relationshipsOf(db: Database, entityId: EntityId): Promise<Relationship[]> {
  const rows = await db
    .select()
    .from(relationships)
    .where(
      or(eq(relationships.sourceEntityId, entityId), eq(relationships.targetEntityId, entityId)),
    )
    .orderBy(relationships.validFrom, relationships.createdAt);
  return rows.map(toRelationship);
}

/** Relationships evidenced by the given memories, each with the memory that asserts it. */
export async function relationshipsOfMemories(
  db: Database,
  memoryIds: readonly MemoryId[],
): Promise<Array<Relationship & { evidenceMemoryId: MemoryId }>> {
  if (memoryIds.length === 0) return [];
  // Each evidence row's relationship by primary key (LIMIT fences the lateral): without
  // statistics the planner scanned the whole relationships table instead.
  const relationship = db
    .select()
    .from(relationships)
    .where(eq(relationships.id, relationshipEvidence.relationshipId))
    .limit(1)
    .as('relationship');
  const rows = await db
    .select()
    .from(relationshipEvidence)
    .innerJoinLateral(relationship, sql`true`)
    .where(inArray(relationshipEvidence.memoryId, [...memoryIds]));
  return rows.map((row) => ({
    ...toRelationship(row.relationship),
    evidenceMemoryId: row.relationship_evidence.memoryId,
  }));
}

/** Every value, current and closed, on the timelines of these sources and types, oldest first. */
export async function timelinesOf(
  db: Database,
  keys: readonly { sourceEntityId: EntityId; relationType: string }[],
): Promise<Relationship[]> {
  if (keys.length === 0) return [];
  const pairs = sql.join(
    keys.map((key) => sql`(${key.sourceEntityId}::uuid, ${key.relationType})`),
    sql`, `,
  );
  const rows = await db
    .select()
    .from(relationships)
    .where(sql`(${relationships.sourceEntityId}, ${relationships.relationType}) in (${pairs})`)
    .orderBy(relationships.validFrom);
  return rows.map(toRelationship);
}
