/**
 * How often each word occurs in one scope's memories: the scope's own IDF and the word
 * probabilities of its SIF weights. Kept incrementally (`add`), so a new memory changes counts
 * without touching the others.
 */
export class WordStatistics {
  #documents = 0;
  #tokens = 0;
  readonly #documentFrequency = new Map<string, number>();
  readonly #termFrequency = new Map<string, number>();

  /** Number of documents counted. */
  get documents(): number {
    return this.#documents;
  }

  /** Number of word occurrences counted. */
  get tokens(): number {
    return this.#tokens;
  }

  /** Counts one document, given as its words in order. */
  add(words: readonly string[]): void {
    this.#documents += 1;
    this.#tokens += words.length;
    for (const word of words)
      this.#termFrequency.set(word, (this.#termFrequency.get(word) ?? 0) + 1);
    for (const word of new Set(words))
      this.#documentFrequency.set(word, (this.#documentFrequency.get(word) ?? 0) + 1);
  }

  /** Documents that contain the word. */
  documentFrequency(word: string): number {
    return this.#documentFrequency.get(word) ?? 0;
  }

  /** The word's share of all counted occurrences (0 for a word never seen). */
  probability(word: string): number {
    return this.#tokens === 0 ? 0 : (this.#termFrequency.get(word) ?? 0) / this.#tokens;
  }

  /** BM25's smoothed IDF, ln(1 + (N − df + 0.5) / (df + 0.5)): high for rare words, near 0 for words in every document. */
  inverseDocumentFrequency(word: string): number {
    const df = this.documentFrequency(word);
    return Math.log(1 + (this.#documents - df + 0.5) / (df + 0.5));
  }

  /** Every word counted, with its probability. */
  *vocabulary(): IterableIterator<[string, number]> {
    for (const [word, count] of this.#termFrequency) yield [word, count / this.#tokens];
  }
}
