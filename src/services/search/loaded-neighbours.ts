import type { MemoryId } from '../../domain/memory.js';
import type { MemoryRepository, Neighbour } from '../../ports/memory-repository.js';

/**
 * The conversation neighbours one search has loaded: the second neighbour pass (after the
 * reranker) shares most of its hits with the first, so only the new ones are queried.
 */
export class LoadedNeighbours {
  readonly #memories: Pick<MemoryRepository, 'neighboursOf'>;
  readonly #byRadius = new Map<number, Map<MemoryId, Neighbour[]>>();

  constructor(memories: Pick<MemoryRepository, 'neighboursOf'>) {
    this.#memories = memories;
  }

  /** Up to `radius` turns before and after each id in its session; one query for the ids not loaded yet. */
  async of(ids: readonly MemoryId[], radius: number): Promise<Map<MemoryId, Neighbour[]>> {
    let known = this.#byRadius.get(radius);
    if (!known) {
      known = new Map();
      this.#byRadius.set(radius, known);
    }
    const missing = [...new Set(ids.filter((id) => !known.has(id)))];
    if (missing.length > 0) {
      const found = await this.#memories.neighboursOf(missing, radius);
      for (const id of missing) known.set(id, found.get(id) ?? []);
    }
    return new Map(ids.map((id) => [id, known.get(id) ?? []]));
  }
}
