import { inArray, sql } from 'drizzle-orm';
import type { RelationshipInput } from '../../ports/graph-repository.js';
import type { Database } from './database.js';
import {
  close,
  covers,
  heldUntil,
  insertEdge,
  moveStart,
  staleAfter,
  upsertCurrent,
} from './pg-relationship-upsert.js';
import { relationshipEvidence, relationships } from './schema.js';

type Row = typeof relationships.$inferSelect;

/** The timeline a single-valued assertion is placed on: one source, one type. */
export function timelineKey(input: { sourceEntityId: string; relationType: string }): string {
  return `${input.sourceEntityId}/${input.relationType}`;
}

/**
 * Places many single-valued assertions on their timelines, in input order, with the rules of
 * `upsertRelationship` (the value holding at `validFrom` ends there; the new one holds until the
 * next later value; the value already holding is only reinforced). The timelines' advisory locks
 * are taken in one statement and the timelines read in one; each assertion then costs only the
 * writes it makes (none when it reinforces), and the evidence and the reinforcements are written
 * at the end in one statement each. Returns the edge of each input, in input order.
 */
export async function placeOnTimelines(
  db: Database,
  inputs: readonly RelationshipInput[],
): Promise<Row[]> {
  if (inputs.length === 0) return [];
  const keys = [...new Set(inputs.map(timelineKey))].sort();
  // The same lock keys as upsertRelationship, in one order across concurrent batches.
  await db.execute(
    sql`select count(pg_advisory_xact_lock(hashtext(k))) from (values ${sql.join(
      keys.map((key) => sql`(${key})`),
      sql`, `,
    )}) as locks (k)`,
  );
  const timelines = await readTimelines(db, inputs);
  const placed: Row[] = [];
  const touched = new Set<string>();
  for (const input of inputs) {
    const timeline = timelines.get(timelineKey(input)) ?? [];
    timelines.set(timelineKey(input), timeline);
    const { row, touch } = await place(db, input, timeline);
    if (touch) touched.add(row.id);
    placed.push(row);
  }
  if (touched.size > 0) {
    await db
      .update(relationships)
      .set({ updatedAt: sql`now()` })
      .where(inArray(relationships.id, [...touched]));
  }
  await db
    .insert(relationshipEvidence)
    .values(
      inputs.map((input, index) => ({
        relationshipId: (placed[index] as Row).id,
        memoryId: input.memoryId,
        sentence: input.sentence,
        confidence: input.confidence,
      })),
    )
    .onConflictDoNothing();
  return placed;
}

async function readTimelines(
  db: Database,
  inputs: readonly RelationshipInput[],
): Promise<Map<string, Row[]>> {
  const pairs = sql.join(
    [...new Map(inputs.map((input) => [timelineKey(input), input])).values()].map(
      (input) => sql`(${input.sourceEntityId}::uuid, ${input.relationType})`,
    ),
    sql`, `,
  );
  const rows = await db
    .select()
    .from(relationships)
    .where(sql`(${relationships.sourceEntityId}, ${relationships.relationType}) in (${pairs})`);
  const timelines = new Map<string, Row[]>();
  for (const row of rows) {
    const key = timelineKey(row);
    timelines.set(key, [...(timelines.get(key) ?? []), row]);
  }
  for (const timeline of timelines.values()) sortTimeline(timeline);
  return timelines;
}

/** One assertion on its (in-memory, kept current) timeline; `touch` when it only reinforces. */
async function place(
  db: Database,
  input: RelationshipInput,
  timeline: Row[],
): Promise<{ row: Row; touch?: boolean }> {
  for (const edge of staleAfter(timeline, input))
    keep(timeline, (await heldUntil(db, edge, input)) ?? edge);
  const at = input.validFrom.getTime();
  const holding = timeline.find((edge) => covers(edge, at));
  if (holding?.targetEntityId === input.targetEntityId) return { row: holding, touch: true };
  const next = timeline.find((edge) => edge.validFrom.getTime() > at && edge !== holding);
  const until = holding ? holding.validTo : (next?.validFrom ?? null);
  if (holding) keep(timeline, (await close(db, holding, input.validFrom)) ?? holding);
  // The next value is this one: it simply started earlier than we knew.
  if (
    next?.targetEntityId === input.targetEntityId &&
    until?.getTime() === next.validFrom.getTime()
  ) {
    return { row: keep(timeline, (await moveStart(db, next, input.validFrom)) ?? next) };
  }
  if (until === null) {
    return { row: keep(timeline, await upsertCurrent(db, input, { validFrom: input.validFrom })) };
  }
  return {
    row: keep(
      timeline,
      await insertEdge(db, input, { validFrom: input.validFrom, validTo: until }),
    ),
  };
}

/** Puts `row` into the timeline (replacing its older version) and keeps the timeline's order. */
function keep(timeline: Row[], row: Row): Row {
  const index = timeline.findIndex((edge) => edge.id === row.id);
  if (index >= 0) timeline[index] = row;
  else timeline.push(row);
  sortTimeline(timeline);
  return row;
}

/** By `valid_from`, then `created_at`: the order upsertRelationship reads a timeline in. */
function sortTimeline(timeline: Row[]): void {
  timeline.sort(
    (a, b) =>
      a.validFrom.getTime() - b.validFrom.getTime() ||
      a.createdAt.getTime() - b.createdAt.getTime(),
  );
}
