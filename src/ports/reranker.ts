/** A model that reads a query and a passage together (a cross-encoder) and scores how well the passage answers it. */
export interface Reranker {
  /** Loads the model (may take seconds); idempotent. */
  init(): Promise<void>;
  /** One relevance in [0,1] per passage, in order. */
  score(query: string, passages: readonly string[]): Promise<number[]>;
}
