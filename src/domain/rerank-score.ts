/** What the reranker knows about one candidate memory, each in [0,1]. */
export interface RerankFeatures {
  /** The first stage's fused score (channels, conversation neighbours, current facts). */
  readonly first: number;
  /** Cosine of query and memory as SIF vectors weighted by the scope's own word frequencies (negative → 0). */
  readonly dense: number;
  /** IDF-weighted soft lexical match: each query word's best match among the memory's words. */
  readonly soft: number;
  /** 1 when the question asks when and the memory names a time. */
  readonly dated: number;
  /** 1 when the question names a period and the memory is dated in it or names it. */
  readonly period: number;
  /** How strongly the memory's session matches the query (see sessionStrength). */
  readonly session: number;
}

export type RerankWeights = Readonly<Record<keyof RerankFeatures, number>>;

/** The feature names in a fixed order (for training scripts and traces). */
export const RERANK_FEATURES: readonly (keyof RerankFeatures)[] = [
  'first',
  'dense',
  'soft',
  'dated',
  'period',
  'session',
];

/**
 * The reranked score: Σ weight · feature ÷ Σ weight, in [0,1] when the weights are not negative,
 * so SCORE_THRESHOLD still cuts on an absolute scale.
 */
export function rerankScore(features: RerankFeatures, weights: RerankWeights): number {
  let total = 0;
  let score = 0;
  for (const name of RERANK_FEATURES) {
    // A weight left out (an older tuning) counts nothing.
    const weight = weights[name] ?? 0;
    total += Math.abs(weight);
    score += weight * features[name];
  }
  return total === 0 ? features.first : Math.max(0, score / total);
}
