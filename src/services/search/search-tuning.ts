import type { RerankWeights } from '../../domain/rerank-score.js';
import type { MemoryFilter } from '../../ports/memory-repository.js';

export interface SearchInput extends MemoryFilter {
  readonly query: string;
  readonly topK?: number;
  readonly scoreThreshold?: number;
  /** Search as things stood then: memories written by then, facts that held then (default now). */
  readonly asOf?: Date;
}

/** Fusion parameters; the defaults were chosen on LoCoMo dev (see docs/decisions/0004-hybrid-retrieval.md). */
export interface SearchTuning {
  readonly vectorWeight: number;
  readonly textWeight: number;
  readonly entityWeight: number;
  /** k in bm25 / (bm25 + k). */
  readonly bm25Saturation: number;
  /** Neighbours of this many top hits are pulled in … */
  readonly neighbourTop: number;
  /** … at this fraction of the hit's score (0 turns it off), … */
  readonly neighbourFactor: number;
  /** … up to this many turns away, … */
  readonly neighbourRadius: number;
  /** … losing this factor per extra turn of distance. */
  readonly neighbourDecay: number;
  /** Of this many top hits, those whose facts a later memory replaced … */
  readonly supersededTop: number;
  /** … keep this fraction of their score, and the replacing memory takes their score. */
  readonly supersededFactor: number;
  /** The memory asserting the current value a question asks for ("where does she live now") ranks first. */
  readonly answerWithCurrentFacts: boolean;
  /** Second stage (needs word vectors): off keeps the first stage's order (the default before issue 16). */
  readonly rerank: boolean;
  /** Candidates each channel contributes when reranking. */
  readonly rerankCandidates: number;
  /** The first stage's best this many hits are reranked … */
  readonly rerankTop: number;
  /** … with these feature weights (see RerankFeatures), … */
  readonly rerankWeights: RerankWeights;
  /** … soft lexical matches counting only above this word cosine, … */
  readonly softFloor: number;
  /** … each hit beyond `sessionFree` from one session keeping this factor per extra hit (1: off), … */
  readonly sessionDecay: number;
  readonly sessionFree: number;
  /** The first stage's best this many hits stay … */
  readonly rerankGuardLeaders: number;
  /** … within this many places of the top after reranking (0: no guard), … */
  readonly rerankGuardWithin: number;
  /** … within this many milliseconds (the rest keeps its first-stage order below). */
  readonly rerankBudgetMs: number;
  /** With a cross-encoder: the reranked best this many are scored by it … */
  readonly crossEncoderTop: number;
  /** … and its score takes this share of theirs. */
  readonly crossEncoderWeight: number;
  /** Pull in conversation neighbours of the reranked best hits as well. */
  readonly neighboursAfterRerank: boolean;
  /** … up to this many turns away. */
  readonly rerankNeighbourRadius: number;
}

export const DEFAULT_TUNING: SearchTuning = {
  vectorWeight: 0.2,
  textWeight: 0.8,
  entityWeight: 0.1,
  bm25Saturation: 5,
  neighbourTop: 10,
  neighbourFactor: 0.8,
  neighbourRadius: 1,
  neighbourDecay: 0.9,
  supersededTop: 20,
  supersededFactor: 0.5,
  answerWithCurrentFacts: true,
  rerank: true,
  rerankCandidates: 50,
  rerankTop: 150,
  // Fitted on LoCoMo dev (bench/lab/fit-rerank-weights.ts, leave-one-conversation-out CV: dense
  // 0.3); dense halved after the chat bench and LongMemEval; session 0.2 where the fit said 0.5
  // and LongMemEval less (see decision 0004).
  rerankWeights: { first: 1, dense: 0.15, soft: 0.1, dated: 0.2, period: 0.2, session: 0.2 },
  softFloor: 0.5,
  sessionDecay: 1,
  sessionFree: 3,
  rerankGuardLeaders: 4,
  rerankGuardWithin: 5,
  rerankBudgetMs: 40,
  neighboursAfterRerank: true,
  rerankNeighbourRadius: 1,
  crossEncoderTop: 30,
  crossEncoderWeight: 0.5,
};

/** The tuning of the first stage alone: the default before the reranker (issue 16), kept as a benchmark baseline. */
export const FIRST_STAGE_TUNING: Partial<SearchTuning> = { rerank: false };
