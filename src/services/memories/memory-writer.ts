import { contentHash } from '../../domain/content-hash.js';
import {
  AppError,
  appErrorIn,
  ConflictError,
  InvalidInputError,
  NotFoundError,
} from '../../domain/errors.js';
import type { Memory, MemoryId, Metadata } from '../../domain/memory.js';
import type { Scope } from '../../domain/scope.js';
import type { Clock } from '../../ports/clock.js';
import type { OutboxEntry, OutboxItem } from '../../ports/index-outbox.js';
import type { Store, StoreRepositories } from '../../ports/store.js';
import { NO_TELEMETRY, type Telemetry } from '../../ports/telemetry.js';
import type { EntityExtraction } from '../graph/entity-extraction.js';
import type { GraphLinker, LinkInput } from '../graph/graph-linker.js';
import type { IndexSync } from '../indexing/index-sync.js';
import type { ScopeVocabulary } from '../search/scope-vocabulary.js';
import {
  dedupKey,
  draftOf,
  type MemoryDraft,
  newMemory,
  scopeOfMemory,
  speakerOf,
  validContent,
} from './memory-drafts.js';
import type { AddMemoryInput, AddMemoryResult, UpdateMemoryInput } from './memory-inputs.js';
import { StoredDuplicates } from './stored-duplicates.js';

export interface MemoryWriterDeps {
  readonly store: Store;
  readonly extraction: EntityExtraction;
  readonly linker: GraphLinker;
  readonly index: IndexSync;
  readonly clock: Clock;
  readonly maxChunkTokens: number;
  /** Default lifetime of ephemeral memories in seconds (absent: they never expire). */
  readonly ephemeralTtlSeconds?: number;
  readonly telemetry?: Telemetry;
  /** The search's per-scope word counts, told of new memories so searches need not count them. */
  readonly vocabulary?: Pick<ScopeVocabulary, 'observe'> | undefined;
}

/** What one transaction wrote: the caller's result, and the vector-index work it queued. */
interface Committed<T> {
  readonly result: T;
  readonly outbox: readonly OutboxItem[];
  /** The search units the queued upserts are about (so indexing does not read them back). */
  readonly units: readonly Memory[];
}

type Slot = AddMemoryResult | AppError;

/**
 * The only writer of memories. Every write runs one pipeline: prepare (validate, dedup, extract,
 * chunk — no writes) → one transaction (rows, graph links, history, outbox) → index.
 */
export class MemoryWriter {
  readonly #deps: MemoryWriterDeps;
  readonly #telemetry: Telemetry;
  readonly #duplicates: StoredDuplicates;

  constructor(deps: MemoryWriterDeps) {
    this.#deps = deps;
    this.#telemetry = deps.telemetry ?? NO_TELEMETRY;
    this.#duplicates = new StoredDuplicates(deps.store, this.#telemetry);
  }

  /** Adds one memory; identical content in the same scope and type returns the stored one. */
  async add(input: AddMemoryInput): Promise<AddMemoryResult> {
    const [result] = await this.addMany([input]);
    if (result instanceof Error) throw result;
    if (!result) throw new Error('addMany returned no result');
    return result;
  }

  /**
   * Adds many memories: each is validated and deduplicated on its own (a bad item becomes an
   * AppError in its slot), the new ones are written in one transaction and embedded together.
   */
  async addMany(inputs: readonly AddMemoryInput[]): Promise<Slot[]> {
    const slots: Array<Slot | undefined> = [];
    const fresh = new Map<string, { index: number; input: AddMemoryInput; draft: MemoryDraft }>();
    const repeats: Array<{ index: number; key: string }> = [];
    const existing: Array<{ index: number; memory: Memory }> = [];
    const found = await this.#duplicates.findAll(inputs);
    for (const [index, input] of inputs.entries()) {
      try {
        const key = dedupKey(input);
        if (fresh.has(key)) {
          repeats.push({ index, key });
          continue;
        }
        const stored = found[index];
        if (stored) existing.push({ index, memory: stored });
        else fresh.set(key, { index, input, draft: await this.#prepare(input) });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        slots[index] = error;
      }
    }
    for (const [index, result] of await this.#addDrafts([...fresh.values()])) slots[index] = result;
    for (const { index, key } of repeats) {
      const first = slots[fresh.get(key)?.index ?? -1];
      if (first instanceof Error || !first) slots[index] = first;
      else existing.push({ index, memory: first.memory });
    }
    const stored = await this.#duplicates.describe(existing.map((item) => item.memory));
    existing.forEach((item, position) => {
      slots[item.index] = stored[position];
    });
    return inputs.map(
      (_, index) => slots[index] ?? new InvalidInputError(`item ${index} was not processed`),
    );
  }

  /** Rewrites a memory: re-chunks, re-extracts, re-embeds, and records history. */
  async update(id: MemoryId, scope: Scope, input: UpdateMemoryInput): Promise<Memory> {
    const target = await this.#topLevel(id, scope);
    const content = input.content === undefined ? target.content : validContent(input.content);
    const metadata: Metadata =
      input.metadata === undefined ? target.metadata : { ...target.metadata, ...input.metadata };
    const now = this.#deps.clock.now();
    const extraction = await this.#deps.extraction.extract(content, {
      ...speakerOf(scope, metadata),
      referenceTime: target.createdAt,
    });
    const memory = {
      ...target,
      content,
      contentHash: contentHash(content),
      metadata,
      updatedAt: now,
    };
    const draft = draftOf(memory, extraction, this.#deps.maxChunkTokens);
    const updated = await this.#commit(async (repositories) => {
      const { memories, graph, history } = repositories;
      await lockUnchanged(repositories, target);
      const oldUnits = await memories.searchUnitsOf([target.id]);
      await graph.detachMemory(oldUnits.map((unit) => unit.id));
      await memories.delete(
        oldUnits.filter((unit) => unit.id !== target.id).map((unit) => unit.id),
      );
      await memories.update(target.id, {
        content,
        contentHash: memory.contentHash,
        metadata,
        updatedAt: now,
      });
      await memories.insert(draft.rows.filter((row) => row.id !== target.id));
      await memories.refreshSearchable(target.id);
      await this.#deps.linker.link(graph, [linkInput(draft)]);
      await history.append([
        {
          memoryId: target.id,
          scope,
          event: 'update',
          oldContent: target.content,
          newContent: content,
          createdAt: now,
        },
      ]);
      const kept = new Set(draft.units.map((unit) => unit.id));
      const removed = oldUnits.filter((unit) => !kept.has(unit.id));
      const outbox = await repositories.outbox.enqueue([
        ...removed.map((unit): OutboxEntry => ({ memoryId: unit.id, scope, operation: 'delete' })),
        { memoryId: target.id, scope, operation: 'upsert' },
      ]);
      return { result: memory, outbox, units: draft.units };
    });
    this.#telemetry.countOperation('update');
    return updated;
  }

  /** Deletes a memory, its chunks, vectors, mentions, and what only it supported. */
  async delete(id: MemoryId, scope: Scope): Promise<void> {
    const read = await this.#topLevel(id, scope);
    await this.#commit(async (repositories) => {
      // A delete wins over an update that committed since the read: it deletes what is there now.
      const target = await lockCurrent(repositories, read, scope);
      const units = await repositories.memories.searchUnitsOf([target.id]);
      await repositories.graph.detachMemory([target.id, ...units.map((unit) => unit.id)]);
      await repositories.memories.delete([target.id]);
      await repositories.history.append([
        {
          memoryId: target.id,
          scope,
          event: 'delete',
          oldContent: target.content,
          newContent: null,
          createdAt: this.#deps.clock.now(),
        },
      ]);
      const outbox = await repositories.outbox.enqueue(
        units.map((unit) => ({ memoryId: unit.id, scope, operation: 'delete' as const })),
      );
      return { result: undefined, outbox, units: [] };
    });
    this.#telemetry.countOperation('delete');
  }

  /** Validates, extracts and chunks one new memory (no writes). */
  async #prepare(input: AddMemoryInput): Promise<MemoryDraft> {
    const content = validContent(input.content);
    const memory = newMemory(
      input,
      content,
      this.#deps.clock.now(),
      this.#deps.ephemeralTtlSeconds,
    );
    const extraction = await this.#deps.extraction.extract(content, {
      ...speakerOf(input.scope, input.metadata),
      referenceTime: memory.createdAt,
      ...(input.earlierTurns?.length ? { earlierTurns: input.earlierTurns } : {}),
    });
    return draftOf(memory, extraction, this.#deps.maxChunkTokens);
  }

  /** Writes drafts in one transaction, then indexes them; on a failure, one by one. */
  async #addDrafts(
    items: ReadonlyArray<{ index: number; input: AddMemoryInput; draft: MemoryDraft }>,
  ): Promise<Map<number, Slot>> {
    const written = new Map<number, Slot>();
    if (items.length === 0) return written;
    try {
      const results = await this.#commit((repositories) =>
        this.#insertDrafts(
          repositories,
          items.map((item) => item.draft),
        ),
      );
      items.forEach((item, position) => {
        const result = results[position];
        if (result) written.set(item.index, result);
      });
      this.#telemetry.countOperation('add');
      await this.#observe(results);
    } catch (error) {
      if (items.length > 1) {
        for (const item of items)
          for (const [index, result] of await this.#addDrafts([item])) written.set(index, result);
      } else if (items[0]) {
        written.set(items[0].index, await this.#afterFailedAdd(items[0].input, error));
      }
    }
    return written;
  }

  /** Rows, graph links, history and outbox of new memories, with a handful of multi-row statements. */
  async #insertDrafts(
    repositories: StoreRepositories,
    drafts: readonly MemoryDraft[],
  ): Promise<Committed<AddMemoryResult[]>> {
    await repositories.memories.insert(drafts.flatMap((draft) => draft.rows));
    const contexts = await this.#deps.linker.link(
      repositories.graph,
      drafts.map((draft) => linkInput(draft)),
    );
    await repositories.history.append(
      drafts.map(({ memory }) => ({
        memoryId: memory.id,
        scope: scopeOfMemory(memory),
        event: 'add' as const,
        oldContent: null,
        newContent: memory.content,
        createdAt: memory.updatedAt,
      })),
    );
    const outbox = await repositories.outbox.enqueue(
      drafts.map(({ memory }) => ({
        memoryId: memory.id,
        scope: scopeOfMemory(memory),
        operation: 'upsert' as const,
      })),
    );
    const result = drafts.map((draft, position) => ({
      memory: draft.memory,
      created: true,
      chunks: draft.units.length,
      ...(contexts[position] ?? { entities: [], relationships: [] }),
    }));
    return { result, outbox, units: drafts.flatMap((draft) => draft.units) };
  }

  /** A failed single add: a concurrent add of the same content may have won the race. */
  async #afterFailedAdd(input: AddMemoryInput, error: unknown): Promise<Slot> {
    const [raced] = await this.#duplicates.findAll([input]);
    if (raced)
      return (await this.#duplicates.describe([raced]))[0] ?? new NotFoundError('memory', raced.id);
    // Other items of the batch may be committed: report this one as failed, never a 500 over them.
    return (
      appErrorIn(error) ??
      new AppError('internal', 'the memory could not be stored', { cause: error })
    );
  }

  /** Tells the search vocabulary of new memories, per scope; a failure only leaves it to count them later. */
  async #observe(results: readonly AddMemoryResult[]): Promise<void> {
    const vocabulary = this.#deps.vocabulary;
    if (!vocabulary) return;
    const byScope = new Map<string, { scope: Scope; memories: Memory[]; units: number }>();
    for (const { memory, chunks } of results) {
      const scope = scopeOfMemory(memory);
      const key = JSON.stringify(scope);
      const group = byScope.get(key) ?? { scope, memories: [], units: 0 };
      group.memories.push(memory);
      group.units += Math.max(1, chunks);
      byScope.set(key, group);
    }
    for (const { scope, memories, units } of byScope.values())
      await vocabulary.observe(scope, memories, units).catch(() => undefined);
  }

  /** Runs one transaction, then applies the vector-index work it queued. */
  async #commit<T>(work: (repositories: StoreRepositories) => Promise<Committed<T>>): Promise<T> {
    const committed = await this.#deps.store.run(work);
    await this.#deps.index.processNow(committed.outbox, committed.units);
    return committed.result;
  }

  /** The top-level memory of an id (a chunk's id names its memory) within a scope. */
  async #topLevel(id: MemoryId, scope: Scope): Promise<Memory> {
    const found = await this.#deps.store.memories.findById(id, scope);
    const target = found?.parentId
      ? await this.#deps.store.memories.findById(found.parentId, scope)
      : found;
    if (!target) throw new NotFoundError('memory', id);
    return target;
  }
}

/**
 * Locks the memory for the rest of the transaction: a concurrent delete or update waits, and a
 * memory that went (404) or changed (409) since it was read is not written over.
 */
async function lockUnchanged(repositories: StoreRepositories, target: Memory): Promise<void> {
  if (!(await lockSame(repositories, target)))
    throw new ConflictError(`memory ${target.id} changed while this request ran; retry`);
}

/** Locks the memory for the rest of the transaction and returns it as it is now (404 if gone). */
async function lockCurrent(
  repositories: StoreRepositories,
  target: Memory,
  scope: Scope,
): Promise<Memory> {
  if (await lockSame(repositories, target)) return target;
  const current = await repositories.memories.findById(target.id, scope);
  if (!current) throw new NotFoundError('memory', target.id);
  return current;
}

/** Locks the memory (404 if it went) and says whether it is unchanged since `target` was read. */
async function lockSame(repositories: StoreRepositories, target: Memory): Promise<boolean> {
  const updatedAt = await repositories.memories.lockForWrite(target.id);
  if (!updatedAt) throw new NotFoundError('memory', target.id);
  return updatedAt.getTime() === target.updatedAt.getTime();
}

/** Facts hold from when the memory was said (its `created_at`), not from when it was written. */
function linkInput(draft: MemoryDraft): LinkInput {
  return {
    scope: scopeOfMemory(draft.memory),
    text: draft.memory.content,
    extraction: draft.extraction,
    units: draft.spans,
    validFrom: draft.memory.createdAt,
  };
}
