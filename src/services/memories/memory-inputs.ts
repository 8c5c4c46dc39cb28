import type { Entity } from '../../domain/entity.js';
import type { Memory, MemoryId, MemoryType, Metadata } from '../../domain/memory.js';
import type { Relationship } from '../../domain/relationship.js';
import type { Scope } from '../../domain/scope.js';
import type { EarlierTurn } from '../../ports/entity-extractor.js';

/** What a caller sends to add one memory. */
export interface AddMemoryInput {
  readonly content: string;
  readonly scope: Scope;
  readonly sessionId?: string;
  readonly memoryType?: MemoryType;
  readonly metadata?: Metadata;
  /** When it was said (imported conversations keep their dates); defaults to now. */
  readonly createdAt?: Date;
  /** `collection/old-id` of a legacy record; unique, so re-imports are no-ops. */
  readonly migratedFrom?: string;
  /** When it leaves search and is swept (must be in the future); or give `ttlSeconds`. */
  readonly expiresAt?: Date;
  /** Lifetime from now, in seconds; or give `expiresAt`. */
  readonly ttlSeconds?: number;
  /** The conversation turns said just before it, for the extractor's pronouns (not stored). */
  readonly earlierTurns?: readonly EarlierTurn[];
}

/** The outcome of an add: the memory, and whether it already existed. */
export interface AddMemoryResult {
  readonly memory: Memory;
  readonly created: boolean;
  readonly chunks: number;
  readonly entities: readonly Entity[];
  readonly relationships: readonly Relationship[];
}

export interface UpdateMemoryInput {
  readonly content?: string;
  readonly metadata?: Metadata;
}

/** The spec's MemoryQueryResult: a memory with its entity context. */
export interface MemoryQueryResult {
  readonly memory: Memory;
  readonly score: number;
  readonly entities: readonly Entity[];
  readonly relationships: readonly Relationship[];
  /** Set when every fact this memory asserted was later replaced: the memory that replaced them. */
  readonly supersededBy?: MemoryId;
}

/** Largest memory accepted, in characters (about 50 chunks of 512 tokens). */
export const MAX_CONTENT_CHARS = 100_000;
