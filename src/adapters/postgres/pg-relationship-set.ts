import { inverseOf } from '../../domain/relation-type.js';
import type { Relationship } from '../../domain/relationship.js';
import type { RelationshipInput } from '../../ports/graph-repository.js';
import type { Database } from './database.js';
import { CURRENT_EDGE_CONFLICT, edgeValues, upsertRelationship } from './pg-relationship-upsert.js';
import { placeOnTimelines, timelineKey } from './pg-timeline-set.js';
import { toRelationship } from './row-mappers.js';
import { relationshipEvidence, relationships } from './schema.js';

type Row = typeof relationships.$inferSelect;

/**
 * Upserts many relationships with their evidence; returns them in input order. Multi-valued
 * assertions are written as sets (the current edges inserted or reinforced, then their evidence):
 * that gives the same rows as upserting them one by one: the first assertion of an edge sets its
 * metadata, every one moves `valid_from` to the earliest, each adds its evidence (two statements
 * per batch instead of two or three per relation). Single-valued types change a timeline (close
 * one value, place another): `placeOnTimelines` locks and reads all of the batch's timelines at
 * once and then writes only what changes. Endings keep the per-relation path, last, in input
 * order, and so does any assertion on an edge or timeline an ending of the same batch touches
 * (order matters there).
 */
export async function upsertRelationships(
  db: Database,
  inputs: readonly RelationshipInput[],
): Promise<Relationship[]> {
  const endings = inputs.filter((input) => input.ends);
  const ended = new Set(endings.flatMap(endedKeys));
  const endedTimelines = new Set(endings.flatMap(endedTimelineKeys));
  const path = (input: RelationshipInput): 'set' | 'timeline' | 'one' => {
    if (input.ends) return 'one';
    if (!input.singleValued) return ended.has(edgeKey(input)) ? 'one' : 'set';
    return endedTimelines.has(timelineKey(input)) ? 'one' : 'timeline';
  };
  const results = new Array<Relationship>(inputs.length);
  const set = inputs.flatMap((input, index) => (path(input) === 'set' ? [{ input, index }] : []));
  const rows = await upsertCurrentSet(
    db,
    set.map(({ input }) => input),
  );
  for (const { input, index } of set) {
    const row = rows.get(edgeKey(input));
    if (!row) throw new Error('relationship set upsert returned no row');
    results[index] = toRelationship(row);
  }
  const onTimelines = inputs.flatMap((input, index) =>
    path(input) === 'timeline' ? [{ input, index }] : [],
  );
  const placed = await placeOnTimelines(
    db,
    onTimelines.map(({ input }) => input),
  );
  onTimelines.forEach(({ index }, position) => {
    results[index] = toRelationship(placed[position] as Row);
  });
  for (const [index, input] of inputs.entries()) {
    if (path(input) === 'one') results[index] = await upsertRelationship(db, input);
  }
  return results;
}

/** The timelines an ending may close an edge on: the source's and, for an inverse, the target's. */
function endedTimelineKeys(input: RelationshipInput): string[] {
  const inverse = inverseOf(input.relationType);
  const keys = [timelineKey(input)];
  if (inverse)
    keys.push(timelineKey({ sourceEntityId: input.targetEntityId, relationType: inverse }));
  return keys;
}

function edgeKey(edge: { sourceEntityId: string; targetEntityId: string; relationType: string }) {
  return `${edge.sourceEntityId}/${edge.targetEntityId}/${edge.relationType}`;
}

/** The edges an ending may close: source → target of its type, and the inverse direction. */
function endedKeys(input: RelationshipInput): string[] {
  const inverse = inverseOf(input.relationType);
  const keys = [edgeKey(input)];
  if (inverse) {
    keys.push(
      edgeKey({
        sourceEntityId: input.targetEntityId,
        targetEntityId: input.sourceEntityId,
        relationType: inverse,
      }),
    );
  }
  return keys;
}

/**
 * The current edge of every input's key, inserted or reinforced (one statement), then every
 * input's evidence (one statement); keyed by `edgeKey`.
 */
async function upsertCurrentSet(
  db: Database,
  inputs: readonly RelationshipInput[],
): Promise<Map<string, Row>> {
  if (inputs.length === 0) return new Map();
  const edges = new Map<string, { first: RelationshipInput; validFrom: Date }>();
  for (const input of inputs) {
    const key = edgeKey(input);
    const edge = edges.get(key);
    if (!edge) edges.set(key, { first: input, validFrom: input.validFrom });
    else if (input.validFrom < edge.validFrom) edge.validFrom = input.validFrom;
  }
  // Sorted keys: concurrent batches take the unique index's row locks in one order.
  const sorted = [...edges.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const rows = await db
    .insert(relationships)
    .values(
      sorted.map(([, { first, validFrom }]) => edgeValues(first, { validFrom, validTo: null })),
    )
    .onConflictDoUpdate(CURRENT_EDGE_CONFLICT)
    .returning();
  const byKey = new Map(rows.map((row) => [edgeKey(row), row]));
  const evidence = dedupeEvidence(inputs).flatMap((input) => {
    const row = byKey.get(edgeKey(input));
    if (!row) return [];
    const { memoryId, sentence, confidence } = input;
    return [{ relationshipId: row.id, memoryId, sentence, confidence }];
  });
  await db.insert(relationshipEvidence).values(evidence).onConflictDoNothing();
  return byKey;
}

/** One evidence row per (edge, memory), the first sentence for it (the primary key's rule). */
function dedupeEvidence(inputs: readonly RelationshipInput[]): RelationshipInput[] {
  const seen = new Set<string>();
  return inputs.filter((input) => {
    const key = `${edgeKey(input)}/${input.memoryId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
