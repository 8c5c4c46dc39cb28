import type { OutboxItem } from './index-outbox.js';

/** What one sweep batch removed. */
export interface SweepBatch {
  readonly memories: number;
  readonly relationships: number;
  readonly entities: number;
  /** The vector deletes it queued, to apply after the transaction. */
  readonly outbox: readonly OutboxItem[];
}

/** Memories past their `expires_at`, and their removal. */
export interface ExpiryStore {
  /**
   * In one transaction, deletes up to `limit` top-level memories that expired by `at` (rows no
   * other sweeper holds: SKIP LOCKED) with their chunks, mentions and what only they supported,
   * records a content-free `delete` history event and queues their vector deletes.
   */
  sweep(at: Date, limit: number): Promise<SweepBatch>;
  /** Top-level memories that expired by `at` and wait for the sweep. */
  backlog(at: Date): Promise<number>;
}
