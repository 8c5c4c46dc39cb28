import { randomUUID } from 'node:crypto';
import { chunkText } from '../../domain/chunking.js';
import { contentHash } from '../../domain/content-hash.js';
import { AppError, InvalidInputError } from '../../domain/errors.js';
import type { Extraction } from '../../domain/extraction.js';
import type { Memory, Metadata } from '../../domain/memory.js';
import type { Scope } from '../../domain/scope.js';
import type { Clock } from '../../ports/clock.js';
import type { OutboxItem } from '../../ports/memory-repository.js';
import type { Store, StoreRepositories } from '../../ports/store.js';
import { NO_TELEMETRY, type Telemetry } from '../../ports/telemetry.js';
import type { EntityService, TextUnit } from '../graph/entity-service.js';
import type { IndexSync } from '../indexing/index-sync.js';
import { type AddMemoryInput, type AddMemoryResult, MAX_CONTENT_CHARS } from './memory-inputs.js';

export interface MemoryIngestDeps {
  readonly store: Store;
  readonly entities: EntityService;
  readonly index: IndexSync;
  readonly clock: Clock;
  readonly maxChunkTokens: number;
  readonly telemetry?: Telemetry;
}

/** A new memory ready to write: its rows, text units and extraction. */
export interface PreparedMemory {
  readonly parent: Memory;
  readonly rows: readonly Memory[];
  readonly units: readonly TextUnit[];
  readonly extraction: Extraction;
}

/** Adds memories: one at a time, or a batch in one transaction with one embedding call. */
export class MemoryIngest {
  readonly #deps: MemoryIngestDeps;
  readonly #telemetry: Telemetry;

  constructor(deps: MemoryIngestDeps) {
    this.#deps = deps;
    this.#telemetry = deps.telemetry ?? NO_TELEMETRY;
  }

  /** Adds one memory; identical content in the same scope and type returns the existing one. */
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
  async addMany(inputs: readonly AddMemoryInput[]): Promise<Array<AddMemoryResult | AppError>> {
    const results: Array<AddMemoryResult | AppError | undefined> = [];
    const fresh = new Map<
      string,
      { index: number; prepared: PreparedMemory; input: AddMemoryInput }
    >();
    const repeats: Array<{ index: number; key: string }> = [];
    for (const [index, input] of inputs.entries()) {
      try {
        const key = dedupKey(input);
        if (fresh.has(key)) {
          repeats.push({ index, key });
          continue;
        }
        const existing = await this.#findExisting(input);
        if (existing) results[index] = this.#existing(existing);
        else fresh.set(key, { index, input, prepared: await this.prepare(input) });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        results[index] = error;
      }
    }
    const written = await this.#writeAll([...fresh.values()]);
    for (const [slot, result] of written) results[slot] = result;
    for (const { index, key } of repeats) {
      const first = fresh.get(key);
      const original = first ? results[first.index] : undefined;
      results[index] =
        original && !(original instanceof Error) ? this.#existing(original.memory) : original;
    }
    return inputs.map(
      (_, index) => results[index] ?? new InvalidInputError(`item ${index} was not processed`),
    );
  }

  /** Validates, extracts and chunks one memory (no writes). */
  async prepare(input: AddMemoryInput): Promise<PreparedMemory> {
    const content = validContent(input.content);
    const extraction = await this.#deps.entities.processText(
      content,
      speakerOf(input.scope, input.metadata),
    );
    const now = this.#deps.clock.now();
    const parent: Memory = {
      id: randomUUID(),
      userId: input.scope.userId,
      agentId: input.scope.agentId,
      sessionId: input.sessionId ?? '',
      memoryType: input.memoryType ?? 'ephemeral',
      content,
      contentHash: contentHash(content),
      parentId: null,
      chunkIndex: 0,
      metadata: input.metadata ?? {},
      migratedFrom: input.migratedFrom ?? null,
      createdAt: input.createdAt ?? now,
      updatedAt: now,
    };
    return { parent, extraction, ...this.chunk(parent, extraction) };
  }

  /** Rows to insert (the memory, plus chunks when long) and the text unit each offset falls in. */
  chunk(parent: Memory, extraction: Extraction): { rows: Memory[]; units: TextUnit[] } {
    const chunks = chunkText(parent.content, {
      maxTokens: this.#deps.maxChunkTokens,
      protectedSpans: extraction.entities,
    });
    if (chunks.length <= 1)
      return {
        rows: [parent],
        units: [{ memoryId: parent.id, start: 0, end: parent.content.length }],
      };
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

  /** Writes prepared memories in one transaction, then indexes them; on a conflict, one by one. */
  async #writeAll(
    items: Array<{ index: number; prepared: PreparedMemory; input: AddMemoryInput }>,
  ) {
    const written = new Map<number, AddMemoryResult | AppError>();
    if (items.length === 0) return written;
    try {
      const outcomes = await this.#deps.store.run((repositories) =>
        this.#write(repositories, items),
      );
      await this.#deps.index.processNow(outcomes.map(([, outcome]) => outcome.outbox));
      for (const [item, outcome] of outcomes) written.set(item.index, outcome.result);
      this.#telemetry.countOperation('add');
      return written;
    } catch (error) {
      if (items.length === 1) return this.#afterFailedWrite(items[0], error, written);
      for (const item of items) {
        const [one] = await this.#writeAll([item]).then((map) => [...map.values()]);
        if (one) written.set(item.index, one);
      }
      return written;
    }
  }

  async #afterFailedWrite(
    item: { index: number; input: AddMemoryInput } | undefined,
    error: unknown,
    written: Map<number, AddMemoryResult | AppError>,
  ) {
    if (!item) return written;
    const raced = await this.#findExisting(item.input); // a concurrent add of the same content won
    if (raced) written.set(item.index, this.#existing(raced));
    else if (error instanceof AppError) written.set(item.index, error);
    else throw error;
    return written;
  }

  /** Writes prepared memories with a handful of multi-row statements per batch. */
  async #write(
    repositories: StoreRepositories,
    items: ReadonlyArray<{ index: number; prepared: PreparedMemory }>,
  ) {
    const prepared = items.map((item) => item.prepared);
    const scopeOf = (parent: Memory): Scope => ({ userId: parent.userId, agentId: parent.agentId });
    await repositories.memories.insert(prepared.flatMap((memory) => memory.rows));
    const linked = await this.#deps.entities.linkMany(
      repositories,
      prepared.map(({ parent, extraction, units }) => ({
        scope: scopeOf(parent),
        text: parent.content,
        extraction,
        units,
        validFrom: parent.createdAt,
      })),
    );
    await repositories.memories.appendHistoryMany(
      prepared.map(({ parent }) => ({
        memoryId: parent.id,
        scope: scopeOf(parent),
        event: 'add' as const,
        oldContent: null,
        newContent: parent.content,
        createdAt: parent.updatedAt,
      })),
    );
    const outbox = await repositories.memories.enqueueUpserts(
      prepared.map(({ parent }) => ({ memoryId: parent.id, scope: scopeOf(parent) })),
    );
    return items.map((item, position) => {
      const { parent, rows } = item.prepared;
      const result: AddMemoryResult = {
        memory: parent,
        created: true,
        chunks: rows.length > 1 ? rows.length - 1 : 1,
        ...(linked[position] ?? { entities: [], relationships: [] }),
      };
      return [item, { outbox: outbox[position] as OutboxItem, result }] as const;
    });
  }

  async #findExisting(input: AddMemoryInput): Promise<Memory | undefined> {
    const { memories } = this.#deps.store;
    if (input.migratedFrom) {
      const imported = await memories.findByMigratedFrom(input.migratedFrom);
      if (imported) return imported;
    }
    const content = input.content.trim();
    if (!content) return undefined;
    return memories.findByHash(input.scope, input.memoryType ?? 'ephemeral', contentHash(content));
  }

  #existing(memory: Memory): AddMemoryResult {
    this.#telemetry.countOperation('add_duplicate');
    return { memory, created: false, chunks: 0, entities: [], relationships: [] };
  }
}

function dedupKey(input: AddMemoryInput): string {
  const scope = `${input.scope.userId}\u0000${input.scope.agentId}\u0000${input.memoryType ?? 'ephemeral'}`;
  return input.migratedFrom
    ? `m\u0000${input.migratedFrom}`
    : `${scope}\u0000${contentHash(input.content.trim())}`;
}

/** Trims and bounds memory text. */
export function validContent(content: string): string {
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
export function speakerOf(scope: Scope, metadata: Metadata | undefined): { speaker?: string } {
  const speaker = metadata?.['speaker'];
  if (typeof speaker === 'string' && speaker.trim()) return { speaker: speaker.trim() };
  return scope.userId ? { speaker: scope.userId } : {};
}
