import { AppError, InvalidInputError } from '../../domain/errors.js';
import type { MemoryId } from '../../domain/memory.js';
import type { Llm, LlmMessage } from '../../ports/llm.js';
import { type Log, SILENT_LOG } from '../../ports/log.js';
import type { MemoryQueryResult } from '../memories/memory-inputs.js';
import type { MemoryWriter } from '../memories/memory-writer.js';
import type { SearchService } from '../search/search-service.js';
import type { ChatInput, ChatResult, ConversationMessage } from './conversation-inputs.js';
import { unstorableReason } from './question-turn.js';
import { addresseeOf, earlierTurnsOf } from './turn-parties.js';

export interface ChatServiceDeps {
  readonly writer: MemoryWriter;
  readonly search: SearchService;
  /** Absent: chat stores and retrieves, and answers `response: null` with a notice. */
  readonly llm?: Llm | undefined;
  readonly log?: Log | undefined;
  /** Memories retrieved to ground an answer (default 5). */
  readonly topK?: number;
  /** Earlier turns passed to the model at most (default 20). */
  readonly maxHistory?: number;
}

/** Shown when no LLM is configured. */
export const NO_LLM_CHAT_NOTICE = 'no LLM is configured: set LLM_BASE_URL to get answers';
/** Shown when the LLM failed for this request. */
export const LLM_FAILED_CHAT_NOTICE =
  'the LLM did not answer (it failed or timed out): the message was stored and memories retrieved, but there is no answer';

const CITATION = /\[memory:\s*([0-9a-fA-F-]{36})\s*\]/g;
const SYSTEM = `You are a helpful assistant with a long-term memory of this user. Answer the user's message using the memories below when they are relevant. After each statement that relies on a memory, cite it as [memory:ID] with the memory's exact ID. Never invent memories or IDs; if the memories do not help, answer from the conversation and say what you do not know.`;

/**
 * The spec's /chat: stores the message as a memory, retrieves the relevant memories with their
 * entities, and answers with the LLM grounded in them, citing memory ids.
 */
export class ChatService {
  readonly #deps: ChatServiceDeps;
  readonly #log: Log;

  constructor(deps: ChatServiceDeps) {
    this.#deps = deps;
    this.#log = deps.log ?? SILENT_LOG;
  }

  /** Answers a message; never fails because of the LLM (the answer is then null, with a notice). */
  async chat(input: ChatInput): Promise<ChatResult> {
    if (input.message.trim() === '') throw new InvalidInputError('message must not be empty');
    const skipped = unstorableReason(input.message);
    const stored = skipped ? undefined : await this.#store(input);
    const topK = this.#deps.topK ?? 5;
    const found = await this.#deps.search.search({
      query: input.message,
      scope: input.scope,
      topK: topK + 1,
      scoreThreshold: 0,
    });
    const memories = found
      .filter((result) => !stored || !isPartOf(result, stored.memory.id))
      .slice(0, topK);
    const base = {
      memoryId: stored?.memory.id ?? null,
      ...(skipped ? { skipped } : {}),
      entities: stored?.entities ?? [],
      memories,
    };
    const { llm } = this.#deps;
    if (!llm) return { ...base, response: null, notice: NO_LLM_CHAT_NOTICE };
    try {
      const answer = await llm.complete({
        messages: this.#prompt(input, memories),
        temperature: 0.3,
      });
      return {
        ...base,
        response: answer.text.trim(),
        citedMemoryIds: cited(answer.text, memories),
      };
    } catch (error) {
      this.#log.warn(
        { model: llm.model, code: error instanceof AppError ? error.code : undefined },
        'llm chat answer failed; answering without it',
      );
      return { ...base, response: null, notice: LLM_FAILED_CHAT_NOTICE };
    }
  }

  /** Stores the user's message, said to the assistant after the chat's earlier turns. */
  #store(input: ChatInput) {
    const messages: ConversationMessage[] = [
      ...(input.history ?? []),
      { role: 'user', content: input.message },
    ];
    const index = messages.length - 1;
    const addressee = addresseeOf(messages, index, input.scope);
    return this.#deps.writer.add({
      content: input.message,
      scope: input.scope,
      ...(input.sessionId ? { sessionId: input.sessionId } : {}),
      metadata: { source: 'chat', ...(addressee ? { addressee } : {}) },
      earlierTurns: earlierTurnsOf(messages, index, input.scope),
    });
  }

  #prompt(input: ChatInput, memories: readonly MemoryQueryResult[]): LlmMessage[] {
    const history = (input.history ?? []).slice(-(this.#deps.maxHistory ?? 20));
    return [
      { role: 'system', content: `${SYSTEM}\n\nMemories:\n${memoryLines(memories)}` },
      ...history.map((turn) => ({ role: turn.role, content: turn.content })),
      { role: 'user', content: input.message },
    ];
  }
}

function memoryLines(memories: readonly MemoryQueryResult[]): string {
  if (memories.length === 0) return '(none)';
  return memories
    .map(({ memory, entities }) => {
      const date = memory.createdAt.toISOString().slice(0, 10);
      const names = entities.map((entity) => `${entity.text} (${entity.type})`).join(', ');
      return `- [memory:${memory.id}] (${date}) ${memory.content.replace(/\s+/g, ' ')}${names ? ` — entities: ${names}` : ''}`;
    })
    .join('\n');
}

/** Retrieved memory ids the answer cites, in order of first citation; invented ids dropped. */
function cited(answer: string, memories: readonly MemoryQueryResult[]): MemoryId[] {
  const known = new Set(memories.map((result) => result.memory.id));
  const ids = [...answer.matchAll(CITATION)].map((match) => (match[1] ?? '').toLowerCase());
  return [...new Set(ids.filter((id) => known.has(id)))];
}

function isPartOf(result: MemoryQueryResult, id: MemoryId): boolean {
  return result.memory.id === id || result.memory.parentId === id;
}
