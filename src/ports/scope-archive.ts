import type { ArchiveOutcome, ArchiveRecord } from '../domain/archive.js';
import type { MemoryId } from '../domain/memory.js';
import type { OutboxItem } from './index-outbox.js';

/** Which rows an export holds: in one tenant, every scope of a user, or one (user, agent) scope, or an agent's. */
export interface ArchiveSelection {
  readonly tenant: string;
  readonly userId?: string;
  readonly agentId?: string;
}

/** What one import batch wrote. */
export interface ArchiveWrite {
  readonly outcomes: readonly ArchiveOutcome[];
  /** Vector upserts queued for the memories it created. */
  readonly outbox: readonly OutboxItem[];
  readonly createdMemories: readonly MemoryId[];
}

/** Per-scope export and import of the system of record. */
export interface ScopeArchive {
  /** The selection's records, entities first, then memories, relationships and history. */
  read(selection: ArchiveSelection): AsyncIterable<ArchiveRecord>;
  /**
   * Writes records in order, in one transaction with one savepoint per record (a bad record
   * rolls back alone); ids already present are unchanged, so importing twice changes nothing.
   * `ids` maps exported ids to the ids they ended up as, across the batches of one import.
   * Records go into `tenant`; an id another tenant holds is written under a fresh id.
   */
  write(
    tenant: string,
    records: readonly ArchiveRecord[],
    ids: Map<string, string>,
  ): Promise<ArchiveWrite>;
}
