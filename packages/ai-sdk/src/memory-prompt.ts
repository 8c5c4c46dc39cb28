import type { EngramClient, SearchResponse } from 'engram-client';
import { searchOutput } from './memory-tools.js';

/** What to search, for whom, and what to put the memories under. */
export interface MemoryPromptOptions {
  readonly client: EngramClient;
  readonly userId: string;
  readonly agentId?: string;
  /** Usually the user's last message. */
  readonly query: string;
  readonly topK?: number;
  /** The system prompt the memories are appended to. */
  readonly system?: string;
}

/** A system-prompt section listing memories and facts; empty when there are none. */
export function memoryPromptSection(answer: SearchResponse): string {
  const { memories, facts } = searchOutput(answer);
  if (memories.length === 0 && facts.length === 0) return '';
  const lines = ['What you remember about the user (most relevant first):'];
  for (const memory of memories) lines.push(`- ${memory.content}`);
  if (facts.length > 0) lines.push('Current facts:', ...facts.map((fact) => `- ${fact}`));
  return lines.join('\n');
}

/**
 * Searches Engram for `query` and returns `system` with the memories appended, ready for
 * `generateText({ system, … })`: retrieval without giving the model a tool.
 */
export async function withMemories(options: MemoryPromptOptions): Promise<string> {
  const { client, userId, agentId, query, topK, system } = options;
  const answer = await client.searchMemories({
    query,
    user_id: userId,
    ...(agentId ? { agent_id: agentId } : {}),
    top_k: topK ?? 5,
  });
  return [system, memoryPromptSection(answer)].filter(Boolean).join('\n\n');
}
