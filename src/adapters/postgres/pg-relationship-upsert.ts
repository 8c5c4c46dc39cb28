import { randomUUID } from 'node:crypto';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Relationship } from '../../domain/relationship.js';
import type { RelationshipInput } from '../../ports/graph-repository.js';
import type { Database } from './database.js';
import { toRelationship } from './row-mappers.js';
import { relationshipEvidence, relationships } from './schema.js';

/**
 * Adds or reinforces a current relationship and records its evidence. A single-valued type first
 * closes the source's other current edges of the type that started no later than this one.
 */
export async function upsertRelationship(
  db: Database,
  input: RelationshipInput,
): Promise<Relationship> {
  if (input.singleValued) await closeContradicted(db, input);
  const metadata = { confidence: input.confidence, sentence: input.sentence };
  const [row] = await db
    .insert(relationships)
    .values({
      id: randomUUID(),
      sourceEntityId: input.sourceEntityId,
      targetEntityId: input.targetEntityId,
      relationType: input.relationType,
      metadata,
      memoryId: input.memoryId,
      validFrom: input.validFrom,
    })
    .onConflictDoUpdate({
      target: [
        relationships.sourceEntityId,
        relationships.targetEntityId,
        relationships.relationType,
      ],
      targetWhere: sql`valid_to is null`,
      set: { updatedAt: sql`now()` },
    })
    .returning();
  if (!row) throw new Error('relationship upsert returned no row');
  await db
    .insert(relationshipEvidence)
    .values({
      relationshipId: row.id,
      memoryId: input.memoryId,
      sentence: input.sentence,
      confidence: input.confidence,
    })
    .onConflictDoNothing();
  return toRelationship(row);
}

async function closeContradicted(db: Database, input: RelationshipInput): Promise<void> {
  await db
    .update(relationships)
    .set({ validTo: input.validFrom, updatedAt: sql`now()` })
    .where(
      and(
        eq(relationships.sourceEntityId, input.sourceEntityId),
        eq(relationships.relationType, input.relationType),
        ne(relationships.targetEntityId, input.targetEntityId),
        sql`${relationships.validTo} is null`,
        sql`${relationships.validFrom} <= ${input.validFrom.toISOString()}::timestamptz`,
      ),
    );
}
