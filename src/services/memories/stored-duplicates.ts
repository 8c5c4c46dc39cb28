import { contentHash } from '../../domain/content-hash.js';
import type { Memory } from '../../domain/memory.js';
import type { Store } from '../../ports/store.js';
import type { Telemetry } from '../../ports/telemetry.js';
import { memoryContexts, mergeContexts } from '../graph/memory-context.js';
import type { AddMemoryInput, AddMemoryResult } from './memory-inputs.js';

/** Finds the memory an add repeats, and answers such adds as the stored memory. */
export class StoredDuplicates {
  readonly #store: Pick<Store, 'memories' | 'graph'>;
  readonly #telemetry: Telemetry;

  constructor(store: Pick<Store, 'memories' | 'graph'>, telemetry: Telemetry) {
    this.#store = store;
    this.#telemetry = telemetry;
  }

  /** The stored memory with the same legacy id, or the same text in the same scope and type. */
  async find(input: AddMemoryInput): Promise<Memory | undefined> {
    const { memories } = this.#store;
    if (input.migratedFrom) {
      const imported = await memories.findByMigratedFrom(input.migratedFrom);
      if (imported) return imported;
    }
    const content = input.content.trim();
    if (!content) return undefined;
    return memories.findByHash(input.scope, input.memoryType ?? 'ephemeral', contentHash(content));
  }

  /** Add results for stored memories, with their entities and relationships (three queries). */
  async describe(stored: readonly Memory[]): Promise<AddMemoryResult[]> {
    if (stored.length === 0) return [];
    const units = await this.#store.memories.searchUnitsOf(stored.map((memory) => memory.id));
    const contexts = await memoryContexts(
      this.#store.graph,
      units.map((unit) => unit.id),
    );
    return stored.map((memory) => {
      this.#telemetry.countOperation('add_duplicate');
      const own = units.filter((unit) => unit.id === memory.id || unit.parentId === memory.id);
      const context = mergeContexts(own.flatMap((unit) => contexts.get(unit.id) ?? []));
      return { memory, created: false, chunks: 0, ...context };
    });
  }
}
