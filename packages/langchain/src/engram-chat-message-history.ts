import { BaseListChatMessageHistory } from '@langchain/core/chat_history';
import { AIMessage, type BaseMessage, HumanMessage, SystemMessage } from '@langchain/core/messages';
import type { EngramClient, Memory } from 'engram-client';

/** Whose conversation: one Engram session of one user. */
export interface EngramChatMessageHistoryInput {
  readonly client: EngramClient;
  readonly userId: string;
  readonly sessionId: string;
  readonly agentId?: string;
}

const ROLE_KEY = 'langchain_role';

/**
 * A LangChain chat message history kept in Engram: each message is an `ephemeral` memory of the
 * session (so it is also searchable, with its entities), its role in metadata. Engram stores
 * identical content once per user, so a message repeated word for word is kept once.
 */
export class EngramChatMessageHistory extends BaseListChatMessageHistory {
  lc_namespace = ['engram', 'chat_history'];
  readonly #input: EngramChatMessageHistoryInput;

  constructor(input: EngramChatMessageHistoryInput) {
    super();
    this.#input = input;
  }

  /** The session's messages, oldest first (at most 500). */
  override async getMessages(): Promise<BaseMessage[]> {
    const memories = await this.#memories();
    return memories.map(messageOf);
  }

  override async addMessage(message: BaseMessage): Promise<void> {
    const content = typeof message.content === 'string' ? message.content : message.text;
    if (!content.trim()) return;
    const role = message.getType();
    await this.#input.client.addMemory({
      content,
      ...this.#scope(),
      session_id: this.#input.sessionId,
      memory_type: 'ephemeral',
      // "I" in an assistant message is not the user.
      metadata: { [ROLE_KEY]: role, ...(role === 'ai' ? { speaker: 'assistant' } : {}) },
    });
  }

  /** Deletes the session's messages. */
  override async clear(): Promise<void> {
    for (const memory of await this.#memories())
      await this.#input.client.deleteMemory(memory.id, this.#scope());
  }

  async #memories(): Promise<Memory[]> {
    const { memories } = await this.#input.client.listMemories({
      ...this.#scope(),
      session_id: this.#input.sessionId,
      limit: 500,
    });
    return memories.sort((left, right) => left.created_at.localeCompare(right.created_at));
  }

  #scope() {
    const { userId, agentId } = this.#input;
    return { user_id: userId, ...(agentId ? { agent_id: agentId } : {}) };
  }
}

function messageOf(memory: Memory): BaseMessage {
  const role = memory.metadata[ROLE_KEY];
  if (role === 'ai') return new AIMessage(memory.content);
  if (role === 'system') return new SystemMessage(memory.content);
  return new HumanMessage(memory.content);
}
