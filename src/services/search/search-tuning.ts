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
};
