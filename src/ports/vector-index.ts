import type { MemoryId, MemoryType } from '../domain/memory.js';
import type { Scope } from '../domain/scope.js';
import type { EmbedderIdentity } from './embedder.js';

/** A memory's vector and what a query may filter it by. */
export interface VectorRecord {
  readonly id: MemoryId;
  readonly scope: Scope;
  readonly memoryType: MemoryType;
  readonly embedding: readonly number[];
}

/** A memory's key in the index: its id and its scope. */
export interface VectorKey {
  readonly id: MemoryId;
  readonly scope: Scope;
}

export interface VectorQuery {
  readonly embedding: readonly number[];
  readonly scope: Scope;
  readonly topK: number;
  /** Only memories of this type; both when absent. */
  readonly memoryType?: MemoryType;
}

export interface VectorMatch {
  readonly id: MemoryId;
  /** Cosine distance: 0 is identical, 2 is opposite. */
  readonly distance: number;
}

/** Nearest-neighbour index over memory embeddings. Postgres stays the system of record. */
export interface VectorIndex {
  /**
   * Opens the index for vectors of `identity`; throws a ConflictError telling the user to run
   * `engram reindex` when the index was built by another provider, model or dimension.
   */
  init(identity: EmbedderIdentity): Promise<void>;
  /** Drops every vector and records `identity` as the builder (used by reindex). */
  reset(identity: EmbedderIdentity): Promise<void>;
  /** Inserts or replaces vectors by memory id (idempotent). */
  upsert(records: readonly VectorRecord[]): Promise<void>;
  /** The `topK` nearest vectors within one scope, closest first. */
  query(query: VectorQuery): Promise<VectorMatch[]>;
  /** Removes vectors; unknown ids are ignored. */
  delete(keys: readonly VectorKey[]): Promise<void>;
  /** Number of vectors stored. */
  count(): Promise<number>;
}
