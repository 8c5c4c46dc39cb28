/** One retrieval channel's ranked ids, best first. */
export interface RankedList {
  readonly name: string;
  readonly weight: number;
  readonly ids: readonly string[];
}

export interface FusedHit {
  readonly id: string;
  /** In [0,1]: 1 when an id is ranked first by every channel. */
  readonly score: number;
  /** 1-based rank in each channel that returned it. */
  readonly ranks: Readonly<Record<string, number>>;
}

/** The RRF constant: larger values flatten the difference between ranks. */
export const RRF_K = 60;

/**
 * Weighted reciprocal-rank fusion, normalised so that the best possible score is 1:
 * score(d) = Σ w_c / (k + rank_c(d)) ÷ Σ w_c / (k + 1).
 */
export function reciprocalRankFusion(lists: readonly RankedList[], k = RRF_K): FusedHit[] {
  const best = lists.reduce((sum, list) => sum + list.weight / (k + 1), 0);
  if (best <= 0) return [];
  const hits = new Map<string, { score: number; ranks: Record<string, number> }>();
  for (const list of lists) {
    list.ids.forEach((id, index) => {
      const hit = hits.get(id) ?? { score: 0, ranks: {} };
      if (hit.ranks[list.name] !== undefined) return;
      hit.ranks[list.name] = index + 1;
      hit.score += list.weight / (k + index + 1);
      hits.set(id, hit);
    });
  }
  return [...hits.entries()]
    .map(([id, hit]) => ({ id, score: hit.score / best, ranks: hit.ranks }))
    .sort((left, right) => right.score - left.score || left.id.localeCompare(right.id));
}
