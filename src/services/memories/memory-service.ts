import { contentHash } from '../../domain/content-hash.js';
import { type AppError, NotFoundError } from '../../domain/errors.js';
import type { Memory, MemoryId, Metadata } from '../../domain/memory.js';
import type { Scope } from '../../domain/scope.js';
import type { Clock } from '../../ports/clock.js';
import type { MemoryFilter, StoredHistoryEvent } from '../../ports/memory-repository.js';
import type { Store, StoreRepositories } from '../../ports/store.js';
import { NO_TELEMETRY, type Telemetry } from '../../ports/telemetry.js';
import type { EntityService } from '../graph/entity-service.js';
import type { IndexSync } from '../indexing/index-sync.js';
import { MemoryIngest, speakerOf, validContent } from './memory-ingest.js';
import type { AddMemoryInput, AddMemoryResult, UpdateMemoryInput } from './memory-inputs.js';

export interface MemoryServiceDeps {
  readonly store: Store;
  readonly entities: EntityService;
  readonly index: IndexSync;
  readonly clock: Clock;
  readonly maxChunkTokens: number;
  readonly telemetry?: Telemetry;
}

/** The spec's MemoryManager: add, read, update and delete memories with their entities. */
export class MemoryService {
  readonly #deps: MemoryServiceDeps;
  readonly #telemetry: Telemetry;
  readonly #ingest: MemoryIngest;

  constructor(deps: MemoryServiceDeps) {
    this.#deps = deps;
    this.#telemetry = deps.telemetry ?? NO_TELEMETRY;
    this.#ingest = new MemoryIngest(deps);
  }

  /**
   * Adds a memory: dedup → extract → one transaction (rows, mentions, entities, relationships,
   * history, outbox) → embed and index. Identical content in the same scope and type returns
   * the existing memory.
   */
  async add(input: AddMemoryInput): Promise<AddMemoryResult> {
    return this.#ingest.add(input);
  }

  /** Adds many memories in one transaction; a bad item gets an AppError in its slot. */
  async addMany(inputs: readonly AddMemoryInput[]): Promise<Array<AddMemoryResult | AppError>> {
    return this.#ingest.addMany(inputs);
  }

  /** One memory by id within a scope; NotFoundError otherwise. */
  async get(id: MemoryId, scope: Scope): Promise<Memory> {
    const memory = await this.#deps.store.memories.findById(id, scope);
    if (!memory) throw new NotFoundError('memory', id);
    return memory;
  }

  /** Top-level memories matching a filter, newest first. */
  async list(filter: MemoryFilter, limit: number, offset: number): Promise<Memory[]> {
    return this.#deps.store.memories.list(filter, limit, offset);
  }

  /** The chunks of a memory (empty when it is a single chunk). */
  async chunks(id: MemoryId): Promise<Memory[]> {
    return this.#deps.store.memories.chunksOf(id);
  }

  /** Rewrites a memory: re-chunks, re-extracts, re-embeds, and records history. */
  async update(id: MemoryId, scope: Scope, input: UpdateMemoryInput): Promise<Memory> {
    const current = await this.get(id, scope);
    const target = current.parentId ? await this.get(current.parentId, scope) : current;
    const content = input.content === undefined ? target.content : validContent(input.content);
    const metadata: Metadata =
      input.metadata === undefined ? target.metadata : { ...target.metadata, ...input.metadata };
    const now = this.#deps.clock.now();
    const extraction = await this.#deps.entities.processText(content, {
      ...speakerOf(scope, metadata),
    });
    const updated: Memory = {
      ...target,
      content,
      contentHash: contentHash(content),
      metadata,
      updatedAt: now,
    };
    const prepared = this.#ingest.chunk(updated, extraction);
    const outboxIds = await this.#deps.store.run(async (repositories) => {
      const oldLeaves = await repositories.memories.leavesOf([target.id]);
      await repositories.graph.detachMemory(oldLeaves.map((leaf) => leaf.id));
      await repositories.memories.delete(
        (await repositories.memories.chunksOf(target.id)).map((chunk) => chunk.id),
      );
      await repositories.memories.update(target.id, {
        content,
        contentHash: updated.contentHash,
        metadata,
        updatedAt: now,
      });
      await repositories.memories.insert(prepared.rows.filter((row) => row.id !== target.id));
      await repositories.memories.refreshSearchable(target.id);
      await this.#deps.entities.link(repositories, {
        scope,
        text: content,
        extraction,
        units: prepared.units,
        validFrom: now,
      });
      await repositories.memories.appendHistory({
        memoryId: target.id,
        scope,
        event: 'update',
        oldContent: target.content,
        newContent: content,
        createdAt: now,
      });
      return this.#enqueueReplacement(repositories, target, oldLeaves, prepared.rows);
    });
    await this.#deps.index.processNow(outboxIds);
    this.#telemetry.countOperation('update');
    return updated;
  }

  /** Deletes a memory, its chunks, vectors, mentions, and what only it supported. */
  async delete(id: MemoryId, scope: Scope): Promise<void> {
    const current = await this.get(id, scope);
    const target = current.parentId ? await this.get(current.parentId, scope) : current;
    const outboxIds = await this.#deps.store.run(async (repositories) => {
      const leaves = await repositories.memories.leavesOf([target.id]);
      await repositories.graph.detachMemory([target.id, ...leaves.map((leaf) => leaf.id)]);
      await repositories.memories.delete([target.id]);
      await repositories.memories.appendHistory({
        memoryId: target.id,
        scope,
        event: 'delete',
        oldContent: target.content,
        newContent: null,
        createdAt: this.#deps.clock.now(),
      });
      return Promise.all(
        leaves.map(async (leaf) => ({
          id: await repositories.memories.enqueue(leaf.id, scope, 'delete'),
          memoryId: leaf.id,
          scope,
          operation: 'delete' as const,
          attempts: 0,
        })),
      );
    });
    await this.#deps.index.processNow(outboxIds);
    this.#telemetry.countOperation('delete');
  }

  /** Add/update/delete events of a memory, oldest first; NotFoundError if it never existed in the scope. */
  async history(id: MemoryId, scope: Scope): Promise<StoredHistoryEvent[]> {
    const events = await this.#deps.store.memories.history(id);
    const visible = events.filter(
      (event) => event.scope.userId === scope.userId && event.scope.agentId === scope.agentId,
    );
    if (visible.length === 0) throw new NotFoundError('memory', id);
    return visible;
  }

  async #enqueueReplacement(
    repositories: StoreRepositories,
    target: Memory,
    oldLeaves: readonly Memory[],
    newRows: readonly Memory[],
  ) {
    const scope = { userId: target.userId, agentId: target.agentId };
    const keep = new Set(newRows.map((row) => row.id));
    const items = [];
    for (const leaf of oldLeaves.filter((leaf) => !keep.has(leaf.id))) {
      items.push({
        id: await repositories.memories.enqueue(leaf.id, scope, 'delete'),
        memoryId: leaf.id,
        scope,
        operation: 'delete' as const,
        attempts: 0,
      });
    }
    items.push({
      id: await repositories.memories.enqueue(target.id, scope, 'upsert'),
      memoryId: target.id,
      scope,
      operation: 'upsert' as const,
      attempts: 0,
    });
    return items;
  }
}
