import type { MemoryId } from '../domain/memory.js';
import type { Scope } from '../domain/scope.js';

/** Vector-index work to do for one memory. */
export interface OutboxEntry {
  /** For `upsert`, a top-level memory (its current search units are indexed); for `delete`, one search unit. */
  readonly memoryId: MemoryId;
  readonly scope: Scope;
  readonly operation: 'upsert' | 'delete';
}

/** A queued entry. */
export interface OutboxItem extends OutboxEntry {
  readonly id: number;
  readonly attempts: number;
}

/**
 * Vector-index work written in the same transaction as the rows it is about, so a crash between
 * Postgres and the index loses nothing: an item stays pending until its vectors are written.
 */
export interface IndexOutbox {
  /** Queues entries in one statement; returns the items in input order. */
  enqueue(entries: readonly OutboxEntry[]): Promise<OutboxItem[]>;
  /** Oldest pending items. */
  pending(limit: number): Promise<OutboxItem[]>;
  /** Marks items done. */
  complete(ids: readonly number[]): Promise<void>;
  /** Records a failed attempt on each item. */
  fail(ids: readonly number[], error: string): Promise<void>;
  /** Number of pending items. */
  pendingCount(): Promise<number>;
}
