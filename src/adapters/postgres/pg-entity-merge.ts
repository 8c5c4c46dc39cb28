import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { planEdgeMerge } from '../../domain/edge-merge.js';
import type { EntityId } from '../../domain/entity.js';
import { isSingleValued } from '../../domain/relation-type.js';
import type { Scope } from '../../domain/scope.js';
import type { MergeReport } from '../../ports/graph-corrections.js';
import type { Database } from './database.js';
import { toRelationship } from './row-mappers.js';
import { entities, entityAliases, entityHistory, memoryEntities, relationships } from './schema.js';

/**
 * Folds `absorbedId` into `survivorId` on `db` (a transaction): mentions and aliases move, the
 * absorbed name becomes an alias, edges follow `planEdgeMerge`, the absorbed row stays as a
 * redirect (`merged_into`) so later mentions of its name resolve to the survivor, and both
 * entities' histories record the merge.
 */
export async function mergeEntities(
  db: Database,
  survivorId: EntityId,
  absorbedId: EntityId,
  scope: Scope,
  at: Date,
): Promise<MergeReport> {
  const [survivor] = await db
    .select()
    .from(entities)
    .where(eq(entities.id, survivorId))
    .for('update');
  const [absorbed] = await db
    .select()
    .from(entities)
    .where(eq(entities.id, absorbedId))
    .for('update');
  if (!survivor || !absorbed) throw new Error('merge of an entity that does not exist');
  const movedMentions = await db.execute(sql`
    insert into memory_entities (memory_id, entity_id, mention, start_offset, end_offset, confidence)
    select memory_id, ${survivorId}::uuid, mention, start_offset, end_offset, confidence
    from memory_entities where entity_id = ${absorbedId}::uuid
    on conflict do nothing`);
  await db.delete(memoryEntities).where(eq(memoryEntities.entityId, absorbedId));
  const aliasRows = await db
    .select()
    .from(entityAliases)
    .where(eq(entityAliases.entityId, absorbedId));
  const aliases = [
    ...aliasRows.map((row) => ({ alias: row.alias, normalizedAlias: row.normalizedAlias })),
    { alias: absorbed.text, normalizedAlias: absorbed.normalizedName },
  ].filter(
    (alias) => alias.normalizedAlias !== survivor.normalizedName || alias.alias !== survivor.text,
  );
  if (aliases.length > 0)
    await db
      .insert(entityAliases)
      .values(aliases.map((alias) => ({ ...alias, entityId: survivorId })))
      .onConflictDoNothing();
  await db.delete(entityAliases).where(eq(entityAliases.entityId, absorbedId));
  const edges = await applyEdgePlan(db, survivorId, absorbedId);
  await db
    .update(entities)
    .set({
      attributes: sql`${JSON.stringify(absorbed.attributes)}::jsonb || ${entities.attributes}`,
      updatedAt: at,
    })
    .where(eq(entities.id, survivorId));
  // Redirects stay one hop deep: whatever pointed at the absorbed entity now points at the survivor.
  await db
    .update(entities)
    .set({ mergedInto: survivorId, updatedAt: at })
    .where(or(eq(entities.id, absorbedId), eq(entities.mergedInto, absorbedId)));
  const report: MergeReport = {
    survivorId,
    absorbedId,
    mentionsMoved: rowCount(movedMentions),
    aliasesMoved: aliases.length,
    ...edges,
  };
  const names = { absorbed: absorbed.text, survivor: survivor.text };
  await db
    .insert(entityHistory)
    .values([
      historyRow(survivorId, scope, 'merge', at, { ...names, ...reportDetails(report) }),
      historyRow(absorbedId, scope, 'merged_into', at, { ...names, survivor_id: survivorId }),
    ]);
  return report;
}

async function applyEdgePlan(db: Database, survivorId: EntityId, absorbedId: EntityId) {
  const touching = await db
    .select()
    .from(relationships)
    .where(
      or(
        inArray(relationships.sourceEntityId, [survivorId, absorbedId]),
        inArray(relationships.targetEntityId, [survivorId, absorbedId]),
      ),
    );
  const plan = planEdgeMerge(survivorId, absorbedId, touching.map(toRelationship), isSingleValued);
  for (const { from, to } of plan.evidence)
    await db.execute(sql`
      insert into relationship_evidence (relationship_id, memory_id, sentence, confidence)
      select ${to}::uuid, memory_id, sentence, confidence from relationship_evidence
      where relationship_id = ${from}::uuid
      on conflict do nothing`);
  if (plan.deletes.length > 0)
    await db.delete(relationships).where(inArray(relationships.id, [...plan.deletes]));
  for (const move of plan.moves)
    await db
      .update(relationships)
      .set({
        sourceEntityId: move.sourceEntityId,
        targetEntityId: move.targetEntityId,
        updatedAt: sql`now()`,
      })
      .where(eq(relationships.id, move.id));
  for (const start of plan.starts)
    await db
      .update(relationships)
      .set({ validFrom: start.validFrom, updatedAt: sql`now()` })
      .where(eq(relationships.id, start.id));
  for (const close of plan.closes)
    await db
      .update(relationships)
      .set({ validTo: close.validTo, updatedAt: sql`now()` })
      .where(and(eq(relationships.id, close.id), sql`${relationships.validTo} is null`));
  const moved = new Set(plan.moves.map((move) => move.id));
  return {
    relationshipsMoved: moved.size,
    relationshipsCollapsed: plan.deletes.length,
    relationshipsClosed: plan.closes.length,
  };
}

/** An entity-history row. */
export function historyRow(
  entityId: EntityId,
  scope: Scope,
  event: 'update' | 'merge' | 'merged_into' | 'delete',
  at: Date,
  details: Record<string, unknown>,
) {
  return {
    entityId,
    tenant: scope.tenant,
    userId: scope.userId,
    agentId: scope.agentId,
    event,
    details,
    createdAt: at,
  };
}

function reportDetails(report: MergeReport): Record<string, unknown> {
  return {
    absorbed_id: report.absorbedId,
    mentions_moved: report.mentionsMoved,
    aliases_moved: report.aliasesMoved,
    relationships_moved: report.relationshipsMoved,
    relationships_collapsed: report.relationshipsCollapsed,
    relationships_closed: report.relationshipsClosed,
  };
}

/** Affected rows of a raw statement, the same on node-postgres and PGlite. */
export function rowCount(result: unknown): number {
  const value = result as { rowCount?: number | null; affectedRows?: number };
  return Number(value.rowCount ?? value.affectedRows ?? 0);
}
