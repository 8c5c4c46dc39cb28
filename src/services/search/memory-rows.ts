import type { Memory, MemoryId } from '../../domain/memory.js';
import type { MemoryRepository } from '../../ports/memory-repository.js';

/**
 * The memories one search has loaded, by id: the reranker loads its candidates and hydration
 * then finds most of the final hits among them, so each row is read once per search.
 */
export class MemoryRows {
  readonly #memories: Pick<MemoryRepository, 'findMany'>;
  readonly #loaded = new Map<MemoryId, Memory | undefined>();

  constructor(memories: Pick<MemoryRepository, 'findMany'>) {
    this.#memories = memories;
  }

  /** The memories with these ids that exist, in one query for the ones not loaded yet. */
  async load(ids: readonly MemoryId[]): Promise<Memory[]> {
    const missing = [...new Set(ids.filter((id) => !this.#loaded.has(id)))];
    if (missing.length > 0) {
      const rows = await this.#memories.findMany(missing);
      for (const id of missing) this.#loaded.set(id, undefined);
      for (const row of rows) this.#loaded.set(row.id, row);
    }
    return ids.flatMap((id) => {
      const row = this.#loaded.get(id);
      return row ? [row] : [];
    });
  }
}
