import { randomUUID } from 'node:crypto';
import { and, asc, eq, or, type SQL, sql } from 'drizzle-orm';
import { inverseOf } from '../../domain/relation-type.js';
import type { Relationship } from '../../domain/relationship.js';
import type { RelationshipInput } from '../../ports/graph-repository.js';
import type { Database } from './database.js';
import { toRelationship } from './row-mappers.js';
import { relationshipEvidence, relationships } from './schema.js';

type Row = typeof relationships.$inferSelect;

/**
 * Adds or reinforces a relationship and records its evidence, on the timeline of the asserting
 * memory (`validFrom` is when it was said, not when it was written).
 *
 * A single-valued type holds one value at a time per source: the value that held at `validFrom`
 * ends there, and the new value holds until the next later value starts (or is current when there
 * is none). A backdated assertion therefore becomes a closed historical fact and never closes a
 * newer one. Asserting the value that already holds at that time only adds evidence.
 *
 * An ending (`ends`) closes the edge that holds at `validFrom` (see `endRelationship`).
 */
export async function upsertRelationship(
  db: Database,
  input: RelationshipInput,
): Promise<Relationship> {
  if (input.ends) return endRelationship(db, input);
  const row = input.singleValued
    ? await placeOnTimeline(db, input)
    : await upsertCurrent(db, input, { validFrom: input.validFrom });
  await addEvidence(db, row, input);
  return toRelationship(row);
}

/**
 * "We broke up", "I left Acme": the edge source → target of the type, or target → source of its
 * inverse, that holds at `validFrom` is closed there, and records which memory ended it (as
 * metadata, not evidence: the ending memory does not assert the fact, so it is never superseded
 * by the next value). With no such edge holding and none known from before, a closed edge that
 * starts and ends at `validFrom` records that the fact had held until then.
 */
async function endRelationship(db: Database, input: RelationshipInput): Promise<Relationship> {
  const inverse = inverseOf(input.relationType);
  const keys = [`${input.sourceEntityId}/${input.relationType}`];
  if (inverse) keys.push(`${input.targetEntityId}/${inverse}`);
  for (const key of keys.sort())
    await db.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
  const edges = await db
    .select()
    .from(relationships)
    .where(
      or(
        and(
          eq(relationships.sourceEntityId, input.sourceEntityId),
          eq(relationships.targetEntityId, input.targetEntityId),
          eq(relationships.relationType, input.relationType),
        ),
        inverse
          ? and(
              eq(relationships.sourceEntityId, input.targetEntityId),
              eq(relationships.targetEntityId, input.sourceEntityId),
              eq(relationships.relationType, inverse),
            )
          : undefined,
      ),
    )
    .orderBy(asc(relationships.validFrom), asc(relationships.createdAt));
  const at = input.validFrom.getTime();
  const holding = edges.filter((edge) => covers(edge, at));
  const ended = { endedBy: input.memoryId, endSentence: input.sentence };
  const closed: Row[] = [];
  for (const edge of holding) closed.push((await close(db, edge, input.validFrom, ended)) ?? edge);
  if (closed.length === 0)
    for (const edge of staleAfter(edges, input, { sameTarget: true }))
      closed.push((await heldUntil(db, edge, input)) ?? edge);
  const [first] = closed;
  if (first) return toRelationship(first);
  const known = edges.find((edge) => edge.validFrom.getTime() <= at);
  if (known) return toRelationship(known);
  const row = await insertEdge(db, input, { validFrom: input.validFrom, validTo: input.validFrom });
  await addEvidence(db, row, input);
  return toRelationship(row);
}

async function addEvidence(db: Database, row: Row, input: RelationshipInput): Promise<void> {
  await db
    .insert(relationshipEvidence)
    .values({
      relationshipId: row.id,
      memoryId: input.memoryId,
      sentence: input.sentence,
      confidence: input.confidence,
    })
    .onConflictDoNothing();
}

async function placeOnTimeline(db: Database, input: RelationshipInput): Promise<Row> {
  // One writer at a time per (source, type): the timeline is read, then changed.
  await db.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`${input.sourceEntityId}/${input.relationType}`}))`,
  );
  const timeline = await db
    .select()
    .from(relationships)
    .where(
      and(
        eq(relationships.sourceEntityId, input.sourceEntityId),
        eq(relationships.relationType, input.relationType),
      ),
    )
    .orderBy(asc(relationships.validFrom), asc(relationships.createdAt));
  for (const edge of staleAfter(timeline, input)) {
    const collapsed = await heldUntil(db, edge, input);
    if (collapsed) timeline.splice(timeline.indexOf(edge), 1, collapsed);
  }
  const at = input.validFrom.getTime();
  const holding = timeline.find((edge) => covers(edge, at));
  if (holding?.targetEntityId === input.targetEntityId) return touch(db, holding);
  const next = timeline.find((edge) => edge.validFrom.getTime() > at && edge !== holding);
  const until = holding ? holding.validTo : (next?.validFrom ?? null);
  if (holding) await close(db, holding, input.validFrom);
  // The next value is this one: it simply started earlier than we knew.
  if (
    next?.targetEntityId === input.targetEntityId &&
    until?.getTime() === next.validFrom.getTime()
  )
    return (await moveStart(db, next, input.validFrom)) ?? next;
  if (until === null) return upsertCurrent(db, input, { validFrom: input.validFrom });
  return insertEdge(db, input, { validFrom: input.validFrom, validTo: until });
}

/**
 * The edges a dated assertion finds out of date (see `RelationshipInput.saidAt`): current, of
 * another value (or, for an ending, of the ended value itself), undated, and stated after the
 * assertion's date but no later than the assertion was said.
 */
export function staleAfter(
  timeline: readonly Row[],
  input: RelationshipInput,
  { sameTarget = false }: { sameTarget?: boolean } = {},
): Row[] {
  const saidAt = input.saidAt?.getTime();
  if (saidAt === undefined) return [];
  const at = input.validFrom.getTime();
  return timeline.filter(
    (edge) =>
      edge.validTo === null &&
      (edge.targetEntityId === input.targetEntityId) === sameTarget &&
      edge.validFrom.getTime() > at &&
      edge.validFrom.getTime() <= saidAt &&
      (edge.metadata as { dated?: boolean } | null)?.dated !== true,
  );
}

/**
 * An out-of-date value becomes "held until `validFrom`": a closed edge that starts and ends
 * there (as an ending with nothing known before records it), ended by the newer memory.
 */
export function heldUntil(
  db: Database,
  edge: Row,
  input: RelationshipInput,
): Promise<Row | undefined> {
  return updateEdge(db, edge, {
    validFrom: input.validFrom,
    validTo: input.validFrom,
    metadata: sql`${relationships.metadata} || ${JSON.stringify({ endedBy: input.memoryId })}::jsonb`,
  });
}

/** True when the edge holds at time `at` (ms). */
export function covers(edge: Row, at: number): boolean {
  return edge.validFrom.getTime() <= at && (edge.validTo === null || edge.validTo.getTime() > at);
}

/**
 * The current edge of (source, target, type) is one row: a second insert of it keeps that row,
 * and a value said earlier than we knew moves its start back (the fact has held since then).
 */
export const CURRENT_EDGE_CONFLICT = {
  target: [relationships.sourceEntityId, relationships.targetEntityId, relationships.relationType],
  targetWhere: sql`valid_to is null`,
  set: {
    updatedAt: sql`now()`,
    validFrom: sql`least(${relationships.validFrom}, excluded.valid_from)`,
  },
};

export async function upsertCurrent(
  db: Database,
  input: RelationshipInput,
  window: { validFrom: Date },
): Promise<Row> {
  const [row] = await db
    .insert(relationships)
    .values(edgeValues(input, { validFrom: window.validFrom, validTo: null }))
    .onConflictDoUpdate(CURRENT_EDGE_CONFLICT)
    .returning();
  if (!row) throw new Error('relationship upsert returned no row');
  return row;
}

export async function insertEdge(
  db: Database,
  input: RelationshipInput,
  window: { validFrom: Date; validTo: Date },
): Promise<Row> {
  const [row] = await db.insert(relationships).values(edgeValues(input, window)).returning();
  if (!row) throw new Error('relationship insert returned no row');
  return row;
}

/** A new relationship row for `input`, valid over `window`. */
export function edgeValues(
  input: RelationshipInput,
  window: { validFrom: Date; validTo: Date | null },
) {
  return {
    id: randomUUID(),
    sourceEntityId: input.sourceEntityId,
    targetEntityId: input.targetEntityId,
    relationType: input.relationType,
    metadata: {
      confidence: input.confidence,
      sentence: input.sentence,
      ...(input.saidAt ? { dated: true } : {}),
    },
    memoryId: input.memoryId,
    validFrom: window.validFrom,
    validTo: window.validTo,
  };
}

async function touch(db: Database, edge: Row): Promise<Row> {
  const [row] = await db
    .update(relationships)
    .set({ updatedAt: sql`now()` })
    .where(eq(relationships.id, edge.id))
    .returning();
  return row ?? edge;
}

export function close(
  db: Database,
  edge: Row,
  at: Date,
  metadata?: Readonly<Record<string, string>>,
): Promise<Row | undefined> {
  return updateEdge(db, edge, {
    validTo: at,
    ...(metadata
      ? { metadata: sql`${relationships.metadata} || ${JSON.stringify(metadata)}::jsonb` }
      : {}),
  });
}

export function moveStart(db: Database, edge: Row, validFrom: Date): Promise<Row | undefined> {
  return updateEdge(db, edge, { validFrom });
}

/** Changes one edge's window or metadata (and its `updated_at`); the row as it is now. */
async function updateEdge(
  db: Database,
  edge: Row,
  changes: { validFrom?: Date; validTo?: Date; metadata?: SQL },
): Promise<Row | undefined> {
  const [row] = await db
    .update(relationships)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(relationships.id, edge.id))
    .returning();
  return row;
}
