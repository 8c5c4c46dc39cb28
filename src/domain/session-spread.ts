/** A ranked hit with the session it belongs to ('' when it has none). */
export interface SessionHit {
  readonly id: string;
  readonly score: number;
  readonly session: string;
}

/**
 * Coverage across sessions: walks the ranking greedily and, each time, takes the hit whose score
 * × `decay`^(hits already taken from its session beyond the first `free`) is highest, so one
 * session cannot fill the top of the list while another holds the rest of the evidence.
 * Hits without a session are never discounted. `decay` 1 keeps the order.
 */
export function spreadSessions<Hit extends SessionHit>(
  hits: readonly Hit[],
  decay: number,
  free: number,
): Array<Hit & { readonly score: number }> {
  if (decay >= 1) return [...hits];
  const taken = new Map<string, number>();
  const left = [...hits];
  const out: Array<Hit & { readonly score: number }> = [];
  while (left.length > 0) {
    let bestIndex = 0;
    let bestScore = Number.NEGATIVE_INFINITY;
    left.forEach((hit, index) => {
      const score = discounted(hit, taken, decay, free);
      if (score > bestScore) {
        bestScore = score;
        bestIndex = index;
      }
    });
    const [hit] = left.splice(bestIndex, 1);
    if (!hit) break;
    if (hit.session !== '') taken.set(hit.session, (taken.get(hit.session) ?? 0) + 1);
    out.push({ ...hit, score: bestScore });
  }
  return out;
}

function discounted(
  hit: SessionHit,
  taken: ReadonlyMap<string, number>,
  decay: number,
  free: number,
): number {
  if (hit.session === '') return hit.score;
  const over = Math.max(0, (taken.get(hit.session) ?? 0) - free + 1);
  return hit.score * decay ** over;
}
