import type { Relationship } from './relationship.js';

/** The part of a relationship that places it on its timeline. */
export type TimedEdge = Pick<
  Relationship,
  'id' | 'sourceEntityId' | 'targetEntityId' | 'relationType' | 'validFrom' | 'validTo'
>;

/** True when the fact held at `at`: it had started and had not yet ended. */
export function holdsAt(edge: TimedEdge, at: Date): boolean {
  return edge.validFrom <= at && (edge.validTo === null || edge.validTo > at);
}

/** True when the fact had already ended at `at`. */
export function endedBy(edge: TimedEdge, at: Date): boolean {
  return edge.validTo !== null && edge.validTo <= at;
}

/** The value of the same source and type that took over when `edge` ended, if any. */
export function successorOf<T extends TimedEdge>(
  edge: TimedEdge,
  timeline: readonly T[],
): T | undefined {
  if (edge.validTo === null) return undefined;
  const ended = edge.validTo.getTime();
  return timeline.find(
    (other) =>
      other.id !== edge.id && sameTimeline(other, edge) && other.validFrom.getTime() === ended,
  );
}

/** The value of the same source and type that `edge` replaced, if any. */
export function predecessorOf<T extends TimedEdge>(
  edge: TimedEdge,
  timeline: readonly T[],
): T | undefined {
  const started = edge.validFrom.getTime();
  return timeline.find(
    (other) =>
      other.id !== edge.id && sameTimeline(other, edge) && other.validTo?.getTime() === started,
  );
}

function sameTimeline(a: TimedEdge, b: TimedEdge): boolean {
  return a.sourceEntityId === b.sourceEntityId && a.relationType === b.relationType;
}
