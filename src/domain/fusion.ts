/** One retrieval channel's hits, best first, each with a relevance in [0,1]. */
export interface ChannelHits {
  readonly name: string;
  readonly weight: number;
  readonly hits: readonly { readonly id: string; readonly relevance: number }[];
}

export interface FusedHit {
  readonly id: string;
  /** In [0,1]: the weighted mean of the channels' relevance (0 where a channel missed it). */
  readonly score: number;
}

/**
 * Linear score fusion: score(d) = Σ w_c · relevance_c(d) ÷ Σ w_c. Each channel reports an
 * absolute relevance (cosine similarity, saturated BM25, entity link), so the fused score means
 * the same across queries and SCORE_THRESHOLD can cut on it.
 */
export function fuseScores(channels: readonly ChannelHits[]): FusedHit[] {
  const total = channels.reduce((sum, channel) => sum + channel.weight, 0);
  if (total <= 0) return [];
  const scores = new Map<string, number>();
  for (const channel of channels) {
    for (const hit of channel.hits) {
      const relevance = Math.min(1, Math.max(0, hit.relevance));
      scores.set(hit.id, (scores.get(hit.id) ?? 0) + (channel.weight * relevance) / total);
    }
  }
  return sortHits([...scores].map(([id, score]) => ({ id, score })));
}

/**
 * Conversation context: the turns around a strong hit are often the evidence (an answer follows
 * its question). A neighbour at distance d of one of the top `top` hits gets
 * `factor · decay^(d-1)` × that hit's score unless it already scores higher.
 */
export function expandWithNeighbours(
  hits: readonly FusedHit[],
  neighbours: ReadonlyMap<string, readonly { readonly id: string; readonly distance: number }[]>,
  options: { top: number; factor: number; decay: number },
): FusedHit[] {
  const scores = new Map(hits.map((hit) => [hit.id, hit.score]));
  for (const hit of hits.slice(0, options.top)) {
    for (const { id, distance } of neighbours.get(hit.id) ?? []) {
      const candidate = hit.score * options.factor * options.decay ** (distance - 1);
      if ((scores.get(id) ?? 0) < candidate) scores.set(id, candidate);
    }
  }
  return sortHits([...scores].map(([id, score]) => ({ id, score })));
}

/**
 * Current facts outrank the memories they replaced: each superseded hit hands its score to the
 * memory that asserted the newer value (which joins the hits if it was not among them) and keeps
 * `factor` (< 1) of it, so it ranks below the memory that closed it.
 */
export function preferSuccessors(
  hits: readonly FusedHit[],
  supersededBy: ReadonlyMap<string, string>,
  factor: number,
): FusedHit[] {
  const scores = new Map(hits.map((hit) => [hit.id, hit.score]));
  for (const hit of hits) {
    const successor = supersededBy.get(hit.id);
    if (!successor || successor === hit.id) continue;
    if ((scores.get(successor) ?? 0) < hit.score) scores.set(successor, hit.score);
    scores.set(hit.id, Math.min(scores.get(hit.id) ?? hit.score, hit.score * factor));
  }
  return sortHits([...scores].map(([id, score]) => ({ id, score })));
}

/**
 * A memory that asserts the current value the question asks for ("where does my sister live
 * now" → the memory of her current home) is the answer: it ranks first, in the order given.
 */
export function answerFirst(hits: readonly FusedHit[], answers: readonly string[]): FusedHit[] {
  if (answers.length === 0) return [...hits];
  const best = Math.max(0, ...hits.map((hit) => hit.score));
  const scores = new Map(hits.map((hit) => [hit.id, hit.score]));
  answers.forEach((id, rank) => {
    const lifted = Math.min(1, best + (answers.length - rank) * 1e-6);
    if ((scores.get(id) ?? 0) < lifted) scores.set(id, lifted);
  });
  return sortHits([...scores].map(([id, score]) => ({ id, score })));
}

/** BM25 mapped to [0,1): bm25 / (bm25 + k). */
export function saturate(value: number, k: number): number {
  return value <= 0 ? 0 : value / (value + k);
}

function sortHits(hits: FusedHit[]): FusedHit[] {
  return hits.sort((left, right) => right.score - left.score || left.id.localeCompare(right.id));
}
