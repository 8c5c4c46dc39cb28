/** One record of the legacy Chroma memory store, as it was stored. */
export interface LegacyRecord {
  readonly id: string;
  /** The memory text (possibly one chunk of a longer memory); null when the record has none. */
  readonly document: string | null;
  /** Arbitrary metadata as stored; null when the record has none. */
  readonly metadata: Readonly<Record<string, unknown>> | null;
  /** The legacy embedding, only when asked for (Engram re-embeds). */
  readonly embedding?: readonly number[];
}

/** Read-only access to a legacy memory store (the seed's two-collection Chroma database). */
export interface LegacySource {
  /** Names of the collections the source holds. */
  collections(): Promise<string[]>;
  /** Number of records in a collection; NotFoundError when the collection does not exist. */
  count(collection: string): Promise<number>;
  /**
   * Up to `limit` records from `offset`, in an order that is stable while the source is not
   * written to; a short or empty page means the end.
   */
  page(
    collection: string,
    offset: number,
    limit: number,
    options?: { readonly embeddings?: boolean },
  ): Promise<LegacyRecord[]>;
}
