import type { EntityId } from './entity.js';
import type { Relationship, RelationshipId } from './relationship.js';

/** What merging one entity into another does to the relationships touching either of them. */
export interface EdgeMergePlan {
  /** Edges to delete: self-loops the merge creates, and duplicates folded into a keeper. */
  readonly deletes: readonly RelationshipId[];
  /** Evidence to copy from a deleted duplicate to the edge that keeps the fact. */
  readonly evidence: readonly { readonly from: RelationshipId; readonly to: RelationshipId }[];
  /** Edges whose endpoints change (the absorbed id becomes the survivor's). */
  readonly moves: readonly {
    readonly id: RelationshipId;
    readonly sourceEntityId: EntityId;
    readonly targetEntityId: EntityId;
  }[];
  /** Keepers that start earlier: the earliest start of the facts folded into them. */
  readonly starts: readonly { readonly id: RelationshipId; readonly validFrom: Date }[];
  /** Current values of a single-valued type that a later value of the survivor now closes. */
  readonly closes: readonly { readonly id: RelationshipId; readonly validTo: Date }[];
}

/**
 * Plans the merge of `absorbedId` into `survivorId` over every edge touching either: endpoints
 * move to the survivor, self-loops go, duplicate facts (same ends, type and, when closed, the
 * same validity) collapse into one keeper with all the evidence and the earliest start, and a
 * single-valued type keeps one current value per source (the latest; the others close there).
 */
export function planEdgeMerge(
  survivorId: EntityId,
  absorbedId: EntityId,
  edges: readonly Relationship[],
  isSingleValued: (relationType: string) => boolean,
): EdgeMergePlan {
  const remap = (id: EntityId) => (id === absorbedId ? survivorId : id);
  const deletes: RelationshipId[] = [];
  const groups = new Map<string, Relationship[]>();
  for (const edge of uniqueById(edges)) {
    const source = remap(edge.sourceEntityId);
    const target = remap(edge.targetEntityId);
    if (source === target) {
      deletes.push(edge.id);
      continue;
    }
    const validity = edge.validTo
      ? `${edge.validFrom.getTime()}/${edge.validTo.getTime()}`
      : 'current';
    const key = `${source}/${target}/${edge.relationType}/${validity}`;
    groups.set(key, [...(groups.get(key) ?? []), edge]);
  }
  const evidence: Array<{ from: RelationshipId; to: RelationshipId }> = [];
  const starts: Array<{ id: RelationshipId; validFrom: Date }> = [];
  const keepers: Relationship[] = [];
  const moved = (edge: Relationship) =>
    edge.sourceEntityId === absorbedId || edge.targetEntityId === absorbedId;
  for (const group of groups.values()) {
    const [keeper, ...rest] = [...group].sort(
      (a, b) =>
        Number(moved(a)) - Number(moved(b)) ||
        a.validFrom.getTime() - b.validFrom.getTime() ||
        a.id.localeCompare(b.id),
    );
    if (!keeper) continue;
    keepers.push(keeper);
    for (const loser of rest) {
      deletes.push(loser.id);
      evidence.push({ from: loser.id, to: keeper.id });
    }
    const earliest = Math.min(...group.map((edge) => edge.validFrom.getTime()));
    if (earliest < keeper.validFrom.getTime())
      starts.push({ id: keeper.id, validFrom: new Date(earliest) });
  }
  const moves = keepers.filter(moved).map((edge) => ({
    id: edge.id,
    sourceEntityId: remap(edge.sourceEntityId),
    targetEntityId: remap(edge.targetEntityId),
  }));
  return {
    deletes,
    evidence,
    moves,
    starts,
    closes: singleValueCloses(keepers, remap, isSingleValued),
  };
}

/** For each source and single-valued type with several current values, closes all but the latest. */
function singleValueCloses(
  keepers: readonly Relationship[],
  remap: (id: EntityId) => EntityId,
  isSingleValued: (relationType: string) => boolean,
): Array<{ id: RelationshipId; validTo: Date }> {
  const bySource = new Map<string, Relationship[]>();
  for (const edge of keepers) {
    if (edge.validTo !== null || !isSingleValued(edge.relationType)) continue;
    const key = `${remap(edge.sourceEntityId)}/${edge.relationType}`;
    bySource.set(key, [...(bySource.get(key) ?? []), edge]);
  }
  const closes: Array<{ id: RelationshipId; validTo: Date }> = [];
  for (const values of bySource.values()) {
    const sorted = [...values].sort(
      (a, b) => a.validFrom.getTime() - b.validFrom.getTime() || a.id.localeCompare(b.id),
    );
    const latest = sorted.at(-1);
    if (!latest) continue;
    for (const older of sorted.slice(0, -1))
      closes.push({ id: older.id, validTo: latest.validFrom });
  }
  return closes;
}

function uniqueById<T extends { id: string }>(items: readonly T[]): T[] {
  return [...new Map(items.map((item) => [item.id, item])).values()];
}
