import { randomUUID } from 'node:crypto';
import { chunkText, type TextChunk } from '../domain/chunking.js';
import { contentHash } from '../domain/content-hash.js';
import { InvalidInputError, NotFoundError } from '../domain/errors.js';
import type { Memory, MemoryId, Metadata } from '../domain/memory.js';
import type { Scope } from '../domain/scope.js';
import type { Clock } from '../ports/clock.js';
import type { MemoryFilter, StoredHistoryEvent } from '../ports/memory-repository.js';
import type { Store, StoreRepositories } from '../ports/store.js';
import { NO_TELEMETRY, type Telemetry } from '../ports/telemetry.js';
import type { EntityService, Linked, TextUnit } from './entity-service.js';
import type { IndexSync } from './index-sync.js';
import {
  type AddMemoryInput,
  type AddMemoryResult,
  MAX_CONTENT_CHARS,
  type UpdateMemoryInput,
} from './memory-inputs.js';

export interface MemoryServiceDeps {
  readonly store: Store;
  readonly entities: EntityService;
  readonly index: IndexSync;
  readonly clock: Clock;
  readonly maxChunkTokens: number;
  readonly telemetry?: Telemetry;
}

interface Prepared {
  readonly rows: Memory[];
  readonly units: TextUnit[];
}

/** The spec's MemoryManager: add, read, update and delete memories with their entities. */
export class MemoryService {
  readonly #deps: MemoryServiceDeps;
  readonly #telemetry: Telemetry;

  constructor(deps: MemoryServiceDeps) {
    this.#deps = deps;
    this.#telemetry = deps.telemetry ?? NO_TELEMETRY;
  }

  /**
   * Adds a memory: dedup → extract → one transaction (rows, mentions, entities, relationships,
   * history, outbox) → embed and index. Identical content in the same scope and type returns
   * the existing memory.
   */
  async add(input: AddMemoryInput): Promise<AddMemoryResult> {
    const content = validContent(input.content);
    const memoryType = input.memoryType ?? 'ephemeral';
    const hash = contentHash(content);
    const existing = await this.#findExisting(input, hash);
    if (existing) return this.#existingResult(existing);
    const extraction = await this.#deps.entities.processText(content, {
      ...speakerOf(input.scope, input.metadata),
    });
    const now = this.#deps.clock.now();
    const createdAt = input.createdAt ?? now;
    const parent: Memory = {
      id: randomUUID(),
      userId: input.scope.userId,
      agentId: input.scope.agentId,
      sessionId: input.sessionId ?? '',
      memoryType,
      content,
      contentHash: hash,
      parentId: null,
      chunkIndex: 0,
      metadata: input.metadata ?? {},
      migratedFrom: input.migratedFrom ?? null,
      createdAt,
      updatedAt: now,
    };
    const prepared = this.#prepare(parent, extraction.entities);
    let outboxId: number;
    let linked: Linked;
    try {
      [outboxId, linked] = await this.#deps.store.run(async (repositories) => {
        await repositories.memories.insert(prepared.rows);
        const result = await this.#deps.entities.link(repositories, {
          scope: input.scope,
          text: content,
          extraction,
          units: prepared.units,
          validFrom: createdAt,
        });
        await repositories.memories.appendHistory({
          memoryId: parent.id,
          scope: input.scope,
          event: 'add',
          oldContent: null,
          newContent: content,
          createdAt: now,
        });
        return [
          await repositories.memories.enqueue(parent.id, input.scope, 'upsert'),
          result,
        ] as const;
      });
    } catch (error) {
      const raced = await this.#findExisting(input, hash);
      if (raced) return this.#existingResult(raced); // a concurrent add of the same content won
      throw error;
    }
    await this.#deps.index.processNow([
      { id: outboxId, memoryId: parent.id, scope: input.scope, operation: 'upsert', attempts: 0 },
    ]);
    this.#telemetry.countOperation('add');
    return {
      memory: parent,
      created: true,
      chunks: prepared.rows.length > 1 ? prepared.rows.length - 1 : 1,
      ...linked,
    };
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
    const prepared = this.#prepare(updated, extraction.entities);
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

  async #findExisting(input: AddMemoryInput, hash: string): Promise<Memory | undefined> {
    const { memories } = this.#deps.store;
    if (input.migratedFrom) {
      const imported = await memories.findByMigratedFrom(input.migratedFrom);
      if (imported) return imported;
    }
    return memories.findByHash(input.scope, input.memoryType ?? 'ephemeral', hash);
  }

  #existingResult(memory: Memory): AddMemoryResult {
    this.#telemetry.countOperation('add_duplicate');
    return { memory, created: false, chunks: 0, entities: [], relationships: [] };
  }

  /** Rows to insert (the memory, plus chunks when long) and the text unit each offset falls in. */
  #prepare(parent: Memory, spans: readonly { start: number; end: number }[]): Prepared {
    const chunks: TextChunk[] = chunkText(parent.content, {
      maxTokens: this.#deps.maxChunkTokens,
      protectedSpans: spans,
    });
    if (chunks.length <= 1) {
      return {
        rows: [parent],
        units: [{ memoryId: parent.id, start: 0, end: parent.content.length }],
      };
    }
    const rows = chunks.map(
      (chunk, index): Memory => ({
        ...parent,
        id: randomUUID(),
        content: chunk.text,
        contentHash: contentHash(chunk.text),
        parentId: parent.id,
        chunkIndex: index,
        migratedFrom: null,
      }),
    );
    const units = chunks.map((chunk, index) => ({
      memoryId: rows[index]?.id ?? parent.id,
      start: chunk.start,
      end: chunk.end,
    }));
    return { rows: [parent, ...rows], units };
  }
}

function validContent(content: string): string {
  const trimmed = content.trim();
  if (trimmed.length === 0) throw new InvalidInputError('content must not be empty');
  if (trimmed.length > MAX_CONTENT_CHARS) {
    throw new InvalidInputError(
      `content is ${trimmed.length} characters; the limit is ${MAX_CONTENT_CHARS}`,
    );
  }
  return trimmed;
}

/** First person resolves to `metadata.speaker`, else to the user id. */
function speakerOf(scope: Scope, metadata: Metadata | undefined): { speaker?: string } {
  const speaker = metadata?.['speaker'];
  if (typeof speaker === 'string' && speaker.trim()) return { speaker: speaker.trim() };
  return scope.userId ? { speaker: scope.userId } : {};
}
