/** The word-level view of a word-embedding model (GloVe), for ranking features finer than one sentence vector. */
export interface WordVectors {
  /** Lower-cased word tokens of a text, split as the model was trained. */
  wordsOf(text: string): string[];
  /** The word's unit vector, or undefined when the model does not know it. */
  vectorOf(word: string): Float32Array | undefined;
  /** The word's probability in the model's own training text (0 when unknown): the prior for small scopes. */
  priorOf(word: string): number;
}
