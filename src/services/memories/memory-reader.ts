import { NotFoundError } from '../../domain/errors.js';
import type { Memory, MemoryId } from '../../domain/memory.js';
import { type Scope, sameScope } from '../../domain/scope.js';
import type { StoredHistoryEvent } from '../../ports/history-repository.js';
import type { MemoryFilter } from '../../ports/memory-repository.js';
import type { Store } from '../../ports/store.js';

/** Reads memories, their chunks and their history, always within one scope. */
export class MemoryReader {
  readonly #store: Pick<Store, 'memories' | 'history'>;

  constructor(store: Pick<Store, 'memories' | 'history'>) {
    this.#store = store;
  }

  /** One memory by id within a scope; NotFoundError otherwise. */
  async get(id: MemoryId, scope: Scope): Promise<Memory> {
    const memory = await this.#store.memories.findById(id, scope);
    if (!memory) throw new NotFoundError('memory', id);
    return memory;
  }

  /** Top-level memories matching a filter, newest first. */
  async list(filter: MemoryFilter, limit: number, offset: number): Promise<Memory[]> {
    return this.#store.memories.list(filter, limit, offset);
  }

  /** The chunks of a memory (empty when it is a single chunk). */
  async chunks(id: MemoryId): Promise<Memory[]> {
    return this.#store.memories.chunksOf(id);
  }

  /** Add/update/delete events of a memory, oldest first; NotFoundError if it never existed in the scope. */
  async history(id: MemoryId, scope: Scope): Promise<StoredHistoryEvent[]> {
    const events = await this.#store.history.of(id);
    const visible = events.filter((event) => sameScope(event.scope, scope));
    if (visible.length === 0) throw new NotFoundError('memory', id);
    return visible;
  }
}
