import { randomUUID } from 'node:crypto';
import { chunkText } from '../../domain/chunking.js';
import { contentHash } from '../../domain/content-hash.js';
import { InvalidInputError } from '../../domain/errors.js';
import type { Extraction } from '../../domain/extraction.js';
import type { Memory, Metadata } from '../../domain/memory.js';
import type { Scope } from '../../domain/scope.js';
import type { SearchUnitSpan } from '../graph/graph-linker.js';
import { type AddMemoryInput, MAX_CONTENT_CHARS } from './memory-inputs.js';

/** A memory ready to write: its rows (the memory, then its chunks), search units and extraction. */
export interface MemoryDraft {
  readonly memory: Memory;
  readonly rows: readonly Memory[];
  /** The rows that are embedded and searched: the chunks, or the memory itself. */
  readonly units: readonly Memory[];
  readonly spans: readonly SearchUnitSpan[];
  readonly extraction: Extraction;
}

/**
 * When a new memory expires: its `expiresAt`, or `ttlSeconds` from now, or for an ephemeral
 * memory the `ephemeralTtlSeconds` default; null (never) otherwise.
 */
export function expiryOf(
  input: AddMemoryInput,
  now: Date,
  ephemeralTtlSeconds?: number,
): Date | null {
  if (input.expiresAt && input.ttlSeconds !== undefined)
    throw new InvalidInputError('give expires_at or ttl_seconds, not both');
  if (input.expiresAt) {
    if (input.expiresAt.getTime() <= now.getTime())
      throw new InvalidInputError('expires_at must be in the future');
    return input.expiresAt;
  }
  if (input.ttlSeconds !== undefined) return new Date(now.getTime() + input.ttlSeconds * 1000);
  if ((input.memoryType ?? 'ephemeral') === 'ephemeral' && ephemeralTtlSeconds)
    return new Date(now.getTime() + ephemeralTtlSeconds * 1000);
  return null;
}

/** A new top-level memory row for an add (no chunks yet). */
export function newMemory(
  input: AddMemoryInput,
  content: string,
  now: Date,
  ephemeralTtlSeconds?: number,
): Memory {
  return {
    id: randomUUID(),
    tenant: input.scope.tenant,
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
    expiresAt: expiryOf(input, now, ephemeralTtlSeconds),
    createdAt: input.createdAt ?? now,
    updatedAt: now,
  };
}

/** Splits a memory into chunks when it is long, never through an entity mention. */
export function draftOf(memory: Memory, extraction: Extraction, maxTokens: number): MemoryDraft {
  const chunks = chunkText(memory.content, { maxTokens, protectedSpans: extraction.entities });
  if (chunks.length <= 1) {
    const spans = [{ memoryId: memory.id, start: 0, end: memory.content.length }];
    return { memory, rows: [memory], units: [memory], spans, extraction };
  }
  const units = chunks.map(
    (chunk, index): Memory => ({
      ...memory,
      id: randomUUID(),
      content: chunk.text,
      contentHash: contentHash(chunk.text),
      parentId: memory.id,
      chunkIndex: index,
      migratedFrom: null,
    }),
  );
  const spans = chunks.map((chunk, index) => ({
    memoryId: units[index]?.id ?? memory.id,
    start: chunk.start,
    end: chunk.end,
  }));
  return { memory, rows: [memory, ...units], units, spans, extraction };
}

/** The key two adds share when the second is a duplicate of the first. */
export function dedupKey(input: AddMemoryInput): string {
  const scope = `${input.scope.tenant}\u0000${input.scope.userId}\u0000${input.scope.agentId}\u0000${input.memoryType ?? 'ephemeral'}`;
  return input.migratedFrom
    ? `m\u0000${input.migratedFrom}`
    : `${scope}\u0000${contentHash(input.content.trim())}`;
}

/** Trims and bounds memory text. */
export function validContent(content: string): string {
  const trimmed = content.trim();
  if (trimmed.length === 0) throw new InvalidInputError('content must not be empty');
  // Characters are code points, as the HTTP schema's maxLength counts them.
  const characters = trimmed.length > MAX_CONTENT_CHARS ? [...trimmed].length : trimmed.length;
  if (characters > MAX_CONTENT_CHARS) {
    throw new InvalidInputError(
      `content is ${characters} characters; the limit is ${MAX_CONTENT_CHARS}`,
    );
  }
  return trimmed;
}

/**
 * Who speaks and to whom: first person resolves to `metadata.speaker`, else to the user id;
 * second person ("you", "your sister") to `metadata.addressee`, when given.
 */
export function speakerOf(
  scope: Scope,
  metadata: Metadata | undefined,
): { speaker?: string; addressee?: string } {
  const given = (key: string) => {
    const value = metadata?.[key];
    return typeof value === 'string' && value.trim() ? value.trim() : undefined;
  };
  const speaker = given('speaker') ?? (scope.userId || undefined);
  const addressee = given('addressee');
  return { ...(speaker ? { speaker } : {}), ...(addressee ? { addressee } : {}) };
}

/** The scope a memory row belongs to. */
export function scopeOfMemory(memory: Memory): Scope {
  return { tenant: memory.tenant, userId: memory.userId, agentId: memory.agentId };
}
