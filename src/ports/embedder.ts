/** Which model built a set of vectors; an index built by one cannot be queried with another. */
export interface EmbedderIdentity {
  readonly provider: string;
  readonly model: string;
  readonly dimensions: number;
}

/** Turns texts into fixed-length vectors. */
export interface Embedder {
  /** Provider, model and dimension; valid after `init()`. */
  readonly identity: EmbedderIdentity;
  /** Loads the model (may take seconds the first time); idempotent. */
  init(): Promise<void>;
  /** One unit-length vector per text, in order. */
  embed(texts: readonly string[]): Promise<number[][]>;
}
