import { tool } from 'ai';
import type { EngramClient, SearchResponse } from 'engram-client';
import { z } from 'zod';

/** Which Engram, and whose memories: the tools never read the environment. */
export interface EngramToolsOptions {
  readonly client: EngramClient;
  readonly userId: string;
  readonly agentId?: string;
  /** Memories added by the tools belong to this session. */
  readonly sessionId?: string;
  /** Results per search (default 5). */
  readonly topK?: number;
}

/** A search answer as the model sees it: memories with their entities, and current facts. */
export interface MemorySearchOutput {
  readonly memories: { id: string; content: string; score: number; entities: string[] }[];
  readonly facts: string[];
}

/**
 * `addMemory` and `searchMemory` tools for `generateText` / `streamText` (ai@6): the model
 * stores what the user says worth keeping and recalls it with entity context.
 */
export function engramTools(options: EngramToolsOptions) {
  const { client, userId, agentId, sessionId, topK } = options;
  const scope = { user_id: userId, ...(agentId ? { agent_id: agentId } : {}) };
  return {
    addMemory: tool({
      description:
        'Remember a durable fact, preference or event about the user, in their own words (e.g. "My sister Sarah lives in Boston").',
      inputSchema: z.object({ content: z.string().min(1).describe('What to remember') }),
      execute: async ({ content }) => {
        const added = await client.addMemory({
          content,
          ...scope,
          ...(sessionId ? { session_id: sessionId } : {}),
        });
        return {
          id: added.memory.id,
          stored: added.created,
          entities: added.entities.map((entity) => entity.text),
        };
      },
    }),
    searchMemory: tool({
      description:
        'Recall what is known about the user that is relevant to a question: ranked memories with the people, places and organisations they mention, and current facts.',
      inputSchema: z.object({ query: z.string().min(1).describe('A question or topic') }),
      execute: async ({ query }): Promise<MemorySearchOutput> =>
        searchOutput(await client.searchMemories({ query, ...scope, top_k: topK ?? 5 })),
    }),
  };
}

/** The compact form of a search answer that tools hand to the model. */
export function searchOutput(answer: SearchResponse): MemorySearchOutput {
  return {
    memories: answer.results.map((result) => ({
      id: result.memory.id,
      content: result.memory.content,
      score: Number(result.score.toFixed(3)),
      entities: result.entities.map((entity) => entity.text),
    })),
    facts: answer.facts.map(
      (fact) =>
        `${fact.source.text} ${fact.relation_type} ${fact.target.text} (since ${fact.valid_from.slice(0, 10)})`,
    ),
  };
}
