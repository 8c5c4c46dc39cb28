import { contentHash } from '../../domain/content-hash.js';
import type { Memory, MemoryType } from '../../domain/memory.js';
import type { Scope } from '../../domain/scope.js';
import type { Store } from '../../ports/store.js';
import type { Telemetry } from '../../ports/telemetry.js';
import { memoryContexts, mergeContexts } from '../graph/memory-context.js';
import { scopeOfMemory } from './memory-drafts.js';
import type { AddMemoryInput, AddMemoryResult } from './memory-inputs.js';

/** Finds the memory an add repeats, and answers such adds as the stored memory. */
export class StoredDuplicates {
  readonly #store: Pick<Store, 'memories' | 'graph'>;
  readonly #telemetry: Telemetry;

  constructor(store: Pick<Store, 'memories' | 'graph'>, telemetry: Telemetry) {
    this.#store = store;
    this.#telemetry = telemetry;
  }

  /**
   * For each input, the stored memory with the same legacy id, or the same text in the same scope
   * and type (one query for all the texts).
   */
  async findAll(inputs: readonly AddMemoryInput[]): Promise<Array<Memory | undefined>> {
    const { memories } = this.#store;
    const found: Array<Memory | undefined> = [];
    for (const [index, input] of inputs.entries())
      if (input.migratedFrom) found[index] = await memories.findByMigratedFrom(input.migratedFrom);
    const keyOf = (scope: Scope, memoryType: MemoryType, hash: string) =>
      `${scope.tenant}\u0000${scope.userId}\u0000${scope.agentId}\u0000${memoryType}\u0000${hash}`;
    const keys = inputs.flatMap((input, index) => {
      const content = input.content.trim();
      if (found[index] || !content) return [];
      const memoryType = input.memoryType ?? 'ephemeral';
      return [{ index, scope: input.scope, memoryType, contentHash: contentHash(content) }];
    });
    const stored = new Map(
      (await memories.findByHashes(keys)).map((memory) => [
        keyOf(scopeOfMemory(memory), memory.memoryType, memory.contentHash),
        memory,
      ]),
    );
    for (const key of keys)
      found[key.index] = stored.get(keyOf(key.scope, key.memoryType, key.contentHash));
    return inputs.map((_, index) => found[index]);
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
