import type { Entity } from '../../domain/entity.js';
import type { Memory, MemoryId, MemoryType } from '../../domain/memory.js';
import type { Scope } from '../../domain/scope.js';
import type { MemoryQueryResult } from '../memories/memory-inputs.js';

/** Who said a turn of a conversation. */
export type ConversationRole = 'system' | 'user' | 'assistant';

/** One turn of a conversation as a chat application sends it. */
export interface ConversationMessage {
  readonly role: ConversationRole;
  readonly content: string;
  /** The speaker's name; first-person pronouns resolve to it. */
  readonly name?: string;
  /** When it was said; kept on the memories it produces. */
  readonly createdAt?: Date;
}

/** What `ConversationService.process` needs. */
export interface ProcessConversationInput {
  readonly messages: readonly ConversationMessage[];
  readonly scope: Scope;
  readonly sessionId?: string;
  readonly memoryType?: MemoryType;
  /** Return the entities linked to each added memory. */
  readonly includeEntities?: boolean;
}

/** Why a turn or a fact was not stored (stable values, documented in the README). */
export type SkipReason =
  | 'system_prompt'
  | 'assistant_turn'
  | 'empty'
  | 'filler'
  | 'question'
  | 'recalled_context'
  | 'already_stored'
  | 'no_durable_fact'
  | 'noop';

export interface AddedMemory {
  readonly memory: Memory;
  /** Present when `includeEntities` was asked for. */
  readonly entities?: readonly Entity[];
}

export interface UpdatedMemory {
  readonly memory: Memory;
  readonly previousContent: string;
}

export interface SkippedItem {
  /** Index of the message the skipped turn or fact came from. */
  readonly index: number;
  readonly reason: SkipReason;
  /** The fact the LLM extracted, when the skip is about a fact. */
  readonly fact?: string;
  /** The existing memory that already holds it (`already_stored`, `noop`). */
  readonly memoryId?: MemoryId;
}

/** What processing a conversation did, and how. */
export interface ProcessConversationResult {
  readonly added: AddedMemory[];
  readonly updated: UpdatedMemory[];
  readonly skipped: SkippedItem[];
  /** `llm`: facts extracted and reconciled by the model; `rules`: informative user turns kept. */
  readonly method: 'llm' | 'rules';
  /** Set when no LLM is configured or when it failed for this request. */
  readonly notice?: string;
}

/** What `ChatService.chat` needs. */
export interface ChatInput {
  readonly message: string;
  readonly scope: Scope;
  readonly sessionId?: string;
  /** Earlier turns of this chat, oldest first (not stored). */
  readonly history?: readonly { readonly role: 'user' | 'assistant'; readonly content: string }[];
}

/** The answer to a chat message, with the memories it was grounded in. */
export interface ChatResult {
  /** The model's answer; null when there is no LLM or it failed. */
  readonly response: string | null;
  /** The stored message; null when it was not stored (a bare question, a greeting, filler). */
  readonly memoryId: MemoryId | null;
  /** Why the message was not stored, when it was not. */
  readonly skipped?: 'empty' | 'filler' | 'question';
  /** Entities of the stored message. */
  readonly entities: readonly Entity[];
  /** Retrieved memories (the stored message excluded), with their entity context. */
  readonly memories: readonly MemoryQueryResult[];
  /** Ids of retrieved memories the answer cites as `[memory:ID]`. */
  readonly citedMemoryIds?: readonly MemoryId[];
  readonly notice?: string;
}
