import type { MemoryId, Metadata } from '../domain/memory.js';
import type { Scope } from '../domain/scope.js';

export interface HistoryEvent {
  readonly memoryId: MemoryId;
  readonly scope: Scope;
  readonly event: 'add' | 'update' | 'delete';
  readonly oldContent: string | null;
  readonly newContent: string | null;
  readonly metadata?: Metadata;
  readonly createdAt?: Date;
}

export interface StoredHistoryEvent extends Omit<HistoryEvent, 'createdAt'> {
  readonly id: number;
  readonly createdAt: Date;
}

/** The add/update/delete log of memories; it outlives the memories it describes. */
export interface HistoryRepository {
  /** Appends events in one statement. */
  append(events: readonly HistoryEvent[]): Promise<void>;
  /** Events of a memory, oldest first. */
  of(memoryId: MemoryId): Promise<StoredHistoryEvent[]>;
}
