import type { ArchiveOutcome } from '../../domain/archive.js';

/** What writing one record did, and the memory it created. */
export type Written = { outcome: ArchiveOutcome; memoryId?: string };

/** The outcome of one record: created or unchanged, and the stored id it maps to. */
export function outcome(created: boolean, id?: string, actual?: string): ArchiveOutcome {
  return {
    status: created ? 'created' : 'unchanged',
    ...(id ? { id } : {}),
    ...(actual && actual !== id ? { mappedTo: actual } : {}),
  };
}
