import type { Memory } from '../../domain/memory.js';
import type { Scope } from '../../domain/scope.js';
import { normalise } from '../../domain/sif-vector.js';
import { WordStatistics } from '../../domain/word-statistics.js';
import type { MemoryRepository } from '../../ports/memory-repository.js';
import type { WordVectors } from '../../ports/word-vectors.js';

/** A scope's word statistics and its SIF common direction. */
export interface Vocabulary {
  readonly statistics: WordStatistics;
  /** SIF weight a / (a + p(w)), p from the scope's own counts smoothed towards the model's word frequencies. */
  weightOf(word: string): number;
  /** Unit vector of the scope's expected SIF vector (removed from every sentence vector). */
  readonly common: Float64Array | undefined;
}

const PAGE = 1000;
/** A scope's statistics are counted again once its size drifts this far (share of the counted size). */
const DRIFT = 0.1;
const MAX_SCOPES = 64;
const SIF_A = 1e-3;
/**
 * The scope's counts weigh as much as this many tokens of the model's own word frequencies: a
 * scope of a few memories says little about which words are common, so its SIF weights stay
 * close to the model's (measured: a 25-memory chat scope lost answers on pure scope counts).
 */
const PRIOR_TOKENS = 5000;

/**
 * Per-scope word statistics for the reranker, held in memory (IDF from the scope alone, SIF
 * weights from the scope's counts smoothed towards the model's frequencies). Counting a scope reads its memories
 * once; it is counted again only when the scope's size has drifted by more than 10 % (plus 5
 * memories), so steady writes cost an amortised constant per memory and a search usually costs
 * one count query. The least recently used scopes are dropped beyond 64.
 */
export class ScopeVocabulary {
  readonly #memories: Pick<MemoryRepository, 'list' | 'countSearchUnits'>;
  readonly #words: WordVectors;
  // `tokens`: the count the common direction was computed at (it is computed again after 10 % more).
  readonly #cache = new Map<string, { size: number; tokens: number; vocabulary: Vocabulary }>();

  constructor(memories: Pick<MemoryRepository, 'list' | 'countSearchUnits'>, words: WordVectors) {
    this.#memories = memories;
    this.#words = words;
  }

  /** The scope's vocabulary, counted now if it is missing or stale. */
  async of(scope: Scope): Promise<Vocabulary> {
    const key = JSON.stringify(scope);
    const size = await this.#memories.countSearchUnits({ scope });
    const cached = this.#cache.get(key);
    this.#cache.delete(key);
    if (cached && Math.abs(size - cached.size) <= cached.size * DRIFT + 5) {
      this.#cache.set(key, cached);
      const { statistics, weightOf } = cached.vocabulary;
      if (statistics.tokens > cached.tokens * (1 + DRIFT)) {
        cached.vocabulary = { statistics, weightOf, common: this.#common(statistics, weightOf) };
        cached.tokens = statistics.tokens;
      }
      return cached.vocabulary;
    }
    const vocabulary = await this.#count(scope);
    this.#remember(key, size, vocabulary);
    return vocabulary;
  }

  /**
   * Counts memories just written to the scope (`units`: how many search units they made), so
   * their scope's first search need not read it: a counted scope takes their words; a scope not
   * counted yet is counted now when it is small (at most one page besides them), else on its
   * first search.
   */
  async observe(scope: Scope, memories: readonly Memory[], units: number): Promise<void> {
    if (memories.length === 0) return;
    const cached = this.#cache.get(JSON.stringify(scope));
    if (cached) {
      for (const memory of memories)
        cached.vocabulary.statistics.add(this.#words.wordsOf(memory.content));
      cached.size += units;
      return;
    }
    const size = await this.#memories.countSearchUnits({ scope });
    if (size - units <= PAGE) await this.of(scope);
  }

  #remember(key: string, size: number, vocabulary: Vocabulary): void {
    this.#cache.set(key, { size, tokens: vocabulary.statistics.tokens, vocabulary });
    for (const oldest of this.#cache.keys()) {
      if (this.#cache.size <= MAX_SCOPES) break;
      this.#cache.delete(oldest);
    }
  }

  async #count(scope: Scope): Promise<Vocabulary> {
    const statistics = new WordStatistics();
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.#memories.list({ scope }, PAGE, offset);
      for (const memory of page) statistics.add(this.#words.wordsOf(memory.content));
      if (page.length < PAGE) break;
    }
    const tokens = statistics.tokens;
    const weightOf = (word: string) => {
      const counted = statistics.probability(word) * tokens;
      const probability =
        (counted + PRIOR_TOKENS * this.#words.priorOf(word)) / (tokens + PRIOR_TOKENS);
      return SIF_A / (SIF_A + probability);
    };
    return { statistics, weightOf, common: this.#common(statistics, weightOf) };
  }

  #common(
    statistics: WordStatistics,
    weightOf: (word: string) => number,
  ): Float64Array | undefined {
    let sum: Float64Array | undefined;
    for (const [word, probability] of statistics.vocabulary()) {
      const vector = this.#words.vectorOf(word);
      if (!vector) continue;
      sum ??= new Float64Array(vector.length);
      const weight = probability * weightOf(word);
      for (let k = 0; k < vector.length; k += 1) sum[k] = (sum[k] ?? 0) + weight * (vector[k] ?? 0);
    }
    return sum ? normalise(sum) : undefined;
  }
}
