import type { FusedHit } from '../../domain/fusion.js';
import type { Memory, MemoryId } from '../../domain/memory.js';
import { type RerankFeatures, type RerankWeights, rerankScore } from '../../domain/rerank-score.js';
import type { Scope } from '../../domain/scope.js';
import { spreadSessions } from '../../domain/session-spread.js';
import { sessionStrength } from '../../domain/session-strength.js';
import { cosine, sifVector } from '../../domain/sif-vector.js';
import {
  type QueryTerm,
  softMatch,
  type TermSimilarity,
  termSimilarity,
} from '../../domain/soft-match.js';
import { inPeriod, mentionsTime, type TimeCues, timeCuesOf } from '../../domain/time-cues.js';
import type { Reranker } from '../../ports/reranker.js';
import type { WordVectors } from '../../ports/word-vectors.js';
import type { MemoryRows } from './memory-rows.js';
import type { ScopeVocabulary, Vocabulary } from './scope-vocabulary.js';

const DOCUMENT_CACHE = 50_000;
/** A session's strength is the sum of its best this many first-stage scores. */
const SESSION_TOP = 3;

/** What the reranker keeps about one memory between searches. */
interface CachedDocument {
  readonly vocabulary: Vocabulary;
  readonly distinct: ReadonlySet<string>;
  readonly vector: Float64Array | undefined;
  namesTime?: boolean;
}

/** How the second stage ranks. */
export interface RerankOptions {
  /** How many of the first stage's best hits are reranked. */
  readonly top: number;
  readonly weights: RerankWeights;
  /** Soft matches at or below this word cosine count nothing. */
  readonly softFloor: number;
  /** Each hit beyond `sessionFree` from one session keeps this factor per extra hit (1: off). */
  readonly sessionDecay: number;
  readonly sessionFree: number;
  /** The best this many are scored again by the cross-encoder, when there is one … */
  readonly crossEncoderTop: number;
  /** … whose score takes this share of the final score. */
  readonly crossEncoderWeight: number;
  /** Candidates not scored within this many milliseconds (after loading them) keep their first-stage order below the scored ones. */
  readonly budgetMs: number;
}

/** Receives every reranked candidate's features (benchmarks fit weights on them). */
export type FeatureSink = (
  query: string,
  rows: readonly { id: MemoryId; features: RerankFeatures }[],
) => void;

/**
 * The second stage: the first stage's best few hundred candidates reordered with features too
 * costly for the first stage (scope-weighted SIF, soft lexical match, dates), then spread over
 * sessions. Works only with an embedder that has word vectors (GloVe).
 */
export class CandidateReranker {
  readonly #words: WordVectors;
  readonly #vocabulary: ScopeVocabulary;
  readonly #sink: FeatureSink | undefined;
  readonly #crossEncoder: Reranker | undefined;
  // Per memory: its distinct words and SIF vector under one vocabulary (memories rarely change),
  // and whether its text names a time (found on the first "when" question).
  readonly #documents = new Map<string, CachedDocument>();

  constructor(
    words: WordVectors,
    vocabulary: ScopeVocabulary,
    optional: { sink?: FeatureSink | undefined; crossEncoder?: Reranker | undefined } = {},
  ) {
    this.#words = words;
    this.#vocabulary = vocabulary;
    this.#sink = optional.sink;
    this.#crossEncoder = optional.crossEncoder;
  }

  /** The hits reordered; the ones beyond `top` (or past the budget) follow, below every reranked hit. */
  async rerank(
    query: string,
    scope: Scope,
    hits: readonly FusedHit[],
    rows: MemoryRows,
    options: RerankOptions,
  ): Promise<FusedHit[]> {
    const head = hits.slice(0, options.top);
    if (head.length === 0) return [...hits];
    const [loaded, vocabulary] = await Promise.all([
      rows.load(head.map((hit) => hit.id)),
      this.#vocabulary.of(scope),
    ]);
    const byId = new Map(loaded.map((row) => [row.id, row]));
    const started = performance.now();
    const context = this.#queryContext(query, vocabulary);
    const sessions = sessionStrength(
      head.map((hit) => ({ session: byId.get(hit.id)?.sessionId ?? '', score: hit.score })),
      SESSION_TOP,
    );
    const scored: { id: MemoryId; score: number; session: string }[] = [];
    const traced: { id: MemoryId; features: RerankFeatures }[] = [];
    let index = 0;
    for (; index < head.length; index += 1) {
      if (index % 16 === 0 && performance.now() - started > options.budgetMs) break;
      const hit = head[index] as FusedHit;
      const memory = byId.get(hit.id);
      if (!memory) continue;
      const features = {
        ...this.#features(hit, memory, context, vocabulary, options.softFloor),
        session: sessions.get(memory.sessionId) ?? 0,
      };
      traced.push({ id: hit.id, features });
      scored.push({
        id: hit.id,
        score: rerankScore(features, options.weights),
        session: memory.sessionId,
      });
    }
    this.#sink?.(query, traced);
    scored.sort((left, right) => right.score - left.score || left.id.localeCompare(right.id));
    await this.#crossEncode(query, scored, byId, options);
    const spread = spreadSessions(scored, options.sessionDecay, options.sessionFree);
    const floor = Math.min(...spread.map((hit) => hit.score));
    const done = new Set(spread.map((hit) => hit.id));
    const rest = hits
      .filter((hit) => !done.has(hit.id))
      .map((hit) => ({ id: hit.id, score: Math.min(hit.score, floor) * 0.999 }));
    return [...spread.map(({ id, score }) => ({ id, score })), ...rest];
  }

  /** Blends the cross-encoder's score into the best candidates' scores and sorts again. */
  async #crossEncode(
    query: string,
    scored: { id: MemoryId; score: number }[],
    byId: ReadonlyMap<MemoryId, Memory>,
    options: RerankOptions,
  ): Promise<void> {
    if (!this.#crossEncoder || options.crossEncoderTop <= 0 || scored.length === 0) return;
    const top = scored.slice(0, options.crossEncoderTop);
    const relevance = await this.#crossEncoder.score(
      query,
      top.map((hit) => byId.get(hit.id)?.content ?? ''),
    );
    const weight = options.crossEncoderWeight;
    top.forEach((hit, index) => {
      hit.score = (1 - weight) * hit.score + weight * (relevance[index] ?? 0);
    });
    scored.sort((left, right) => right.score - left.score || left.id.localeCompare(right.id));
  }

  #document(memory: Memory, vocabulary: Vocabulary): CachedDocument {
    const key = `${memory.id}/${memory.updatedAt.getTime()}`;
    const cached = this.#documents.get(key);
    if (cached?.vocabulary === vocabulary) return cached;
    const words = this.#words.wordsOf(memory.content);
    const vector = sifVector(
      words,
      (word) => this.#words.vectorOf(word),
      vocabulary.weightOf,
      vocabulary.common,
    );
    const entry: CachedDocument = { vocabulary, distinct: new Set(words), vector };
    if (this.#documents.size >= DOCUMENT_CACHE) this.#documents.clear();
    this.#documents.set(key, entry);
    return entry;
  }

  #queryContext(query: string, vocabulary: Vocabulary) {
    const words = this.#words.wordsOf(query);
    const terms: QueryTerm[] = [...new Set(words)].map((word) => ({
      word,
      weight: vocabulary.statistics.inverseDocumentFrequency(word),
      vector: this.#words.vectorOf(word),
    }));
    const vector = sifVector(
      words,
      (word) => this.#words.vectorOf(word),
      vocabulary.weightOf,
      vocabulary.common,
    );
    const similarity = termSimilarity(terms, (word) => this.#words.vectorOf(word));
    return { terms, vector, similarity, cues: timeCuesOf(query) };
  }

  #features(
    hit: FusedHit,
    memory: Memory,
    query: {
      terms: QueryTerm[];
      vector: Float64Array | undefined;
      similarity: TermSimilarity;
      cues: TimeCues;
    },
    vocabulary: Vocabulary,
    softFloor: number,
  ): Omit<RerankFeatures, 'session'> {
    const document = this.#document(memory, vocabulary);
    const { distinct, vector } = document;
    const { cues } = query;
    if (cues.asksWhen) document.namesTime ??= mentionsTime(memory.content);
    return {
      first: hit.score,
      dense: query.vector && vector ? Math.max(0, cosine(query.vector, vector)) : 0,
      soft: softMatch(query.terms, distinct, query.similarity, softFloor),
      dated: cues.asksWhen && document.namesTime ? 1 : 0,
      period: cues.period && inPeriod(cues.period, memory.createdAt, memory.content) ? 1 : 0,
    };
  }
}
