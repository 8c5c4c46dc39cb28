/** A ranked hit: an id and its score. */
export interface RankedHit {
  readonly id: string;
  readonly score: number;
}

/**
 * Keeps the first stage's surest hits near the top: each of `leaders` (ids, best first) that is in
 * `ranked` ends up within its first `within` places. The other hits keep their order; a leader is
 * placed as late as its guarantee allows, so the reranker still decides the places above it.
 * Scores are raised where needed so they never rise down the list. `within` ≤ 0 keeps the order.
 */
export function keepLeaders<Hit extends RankedHit>(
  ranked: readonly Hit[],
  leaders: readonly string[],
  within: number,
): Hit[] {
  const present = new Set(ranked.map((hit) => hit.id));
  const guarded = new Set(leaders.filter((id) => present.has(id)).slice(0, Math.max(0, within)));
  if (guarded.size === 0) return [...ranked];
  const rest = ranked.filter((hit) => !guarded.has(hit.id));
  const waiting = ranked.filter((hit) => guarded.has(hit.id));
  const out: Hit[] = [];
  while (waiting.length > 0 || rest.length > 0) {
    const mustPlace = waiting.length >= within - out.length;
    const nextRest = rest[0];
    const nextLeader = waiting[0];
    // Take a leader when its guarantee requires it, or when the reranker ranks it higher anyway.
    const takeLeader =
      nextLeader !== undefined &&
      (mustPlace || nextRest === undefined || nextLeader.score >= nextRest.score);
    out.push((takeLeader ? waiting.shift() : rest.shift()) as Hit);
  }
  for (let index = out.length - 2; index >= 0; index -= 1) {
    const hit = out[index] as Hit;
    const below = (out[index + 1] as Hit).score;
    if (hit.score < below) out[index] = { ...hit, score: below };
  }
  return out;
}
