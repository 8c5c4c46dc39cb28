import type { Memory, MemoryId, MemoryType, Metadata } from '../domain/memory.js';
import type { Scope } from '../domain/scope.js';

/** Filters every memory read accepts besides the scope. */
export interface MemoryFilter {
  readonly scope: Scope;
  readonly sessionId?: string;
  readonly memoryType?: MemoryType;
  /** Every key must equal (JSON containment). */
  readonly metadata?: Metadata;
  readonly createdAfter?: Date;
  readonly createdBefore?: Date;
}

export interface RankedId {
  readonly id: MemoryId;
  readonly score: number;
}

/** A memory near another in its session: `distance` 1 is the turn right before or after. */
export interface Neighbour {
  readonly id: MemoryId;
  readonly distance: number;
}

/**
 * Memory rows in Postgres. A *search unit* is a row that is embedded and searched: a chunk of a
 * long memory, or a short memory itself.
 */
/** What identifies a memory's text for dedup: scope, type and content hash. */
export interface HashKey {
  readonly scope: Scope;
  readonly memoryType: MemoryType;
  readonly contentHash: string;
}

export interface MemoryRepository {
  /** Inserts rows; a parent must come before its chunks. */
  insert(rows: readonly Memory[]): Promise<void>;
  /** Recomputes whether a top-level memory is itself a search unit (it is not once chunked). */
  refreshSearchable(id: MemoryId): Promise<void>;
  /** One memory row by id, optionally only within a scope. */
  findById(id: MemoryId, scope?: Scope): Promise<Memory | undefined>;
  /** Rows by id, in no particular order (one query). */
  findMany(ids: readonly MemoryId[]): Promise<Memory[]>;
  /** The top-level memories with these content hashes in their scopes and types (one query; absent keys have none). */
  findByHashes(keys: readonly HashKey[]): Promise<Memory[]>;
  /** The top-level memory imported from this legacy id, if any. */
  findByMigratedFrom(migratedFrom: string): Promise<Memory | undefined>;
  /** Search units of top-level memories: their chunks, or themselves when unchunked. */
  searchUnitsOf(ids: readonly MemoryId[]): Promise<Memory[]>;
  /** Chunks of a memory in order (empty when unchunked). */
  chunksOf(parentId: MemoryId): Promise<Memory[]>;
  /** Sets content and metadata of a row. */
  update(
    id: MemoryId,
    fields: { content: string; contentHash: string; metadata: Metadata; updatedAt: Date },
  ): Promise<void>;
  /**
   * Locks a memory row until the transaction ends (SELECT … FOR UPDATE) and returns its
   * `updatedAt`, or undefined when the row is gone. Call it inside `Store.run` only.
   */
  lockForWrite(id: MemoryId): Promise<Date | undefined>;
  /** Deletes rows (their chunks, mentions and evidence cascade). */
  delete(ids: readonly MemoryId[]): Promise<void>;
  /** Top-level memories matching a filter, newest first. */
  list(filter: MemoryFilter, limit: number, offset: number): Promise<Memory[]>;
  /** Keeps only the ids that exist and pass the filter. */
  filterIds(ids: readonly MemoryId[], filter: MemoryFilter): Promise<Set<MemoryId>>;
  /** Full-text search over search units, best first; score is the text rank. */
  fullTextSearch(filter: MemoryFilter, query: string, limit: number): Promise<RankedId[]>;
  /** Up to `radius` search units before and after each given one in its session (by time). */
  neighboursOf(ids: readonly MemoryId[], radius: number): Promise<Map<MemoryId, Neighbour[]>>;
  /** Search units in id order after `afterId` (for reindex). */
  scanSearchUnits(afterId: MemoryId | null, limit: number): Promise<Memory[]>;
  /** Number of search units matching a filter; every scope when it is omitted. */
  countSearchUnits(filter?: MemoryFilter): Promise<number>;
}

/** Runs work atomically over fresh repositories bound to one transaction. */
export interface UnitOfWork<Repositories> {
  /** Commits when `work` resolves, rolls back when it throws. */
  run<T>(work: (repositories: Repositories) => Promise<T>): Promise<T>;
}
