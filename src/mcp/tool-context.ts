import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { type EngramClient, isEngramError } from 'engram-client';
import { z } from 'zod';

/** The scope a tool uses when the call names none (ENGRAM_USER_ID / ENGRAM_AGENT_ID, or the /mcp URL). */
export interface ToolDefaults {
  readonly userId?: string | undefined;
  readonly agentId?: string | undefined;
}

type ScopeArgs = { user_id?: string | undefined; agent_id?: string | undefined };

/** What every tool gets: the client, and the scope of a call (its own ids, else the defaults). */
export interface ToolContext {
  readonly client: EngramClient;
  scope(args: ScopeArgs): { user_id?: string; agent_id?: string };
}

/** A ToolContext over `client` with `defaults` for calls that name no user or agent. */
export function toolContext(client: EngramClient, defaults: ToolDefaults): ToolContext {
  return {
    client,
    scope: (args) => {
      const userId = args.user_id ?? defaults.userId;
      const agentId = args.agent_id ?? defaults.agentId;
      return { ...(userId ? { user_id: userId } : {}), ...(agentId ? { agent_id: agentId } : {}) };
    },
  };
}

export const scopeId = z.string().min(1).max(256);
export const anId = z.string().min(1).max(64);

/** `user_id` and `agent_id`, optional on every tool. */
export const scopeShape = {
  user_id: scopeId.optional().describe('Whose memories (default: the configured user)'),
  agent_id: scopeId.optional().describe('Which agent’s memories (default: the configured agent)'),
};

/** A tool result: text for the model, the same data as structured content. */
export function result(text: string, structured: object): CallToolResult {
  return {
    content: [{ type: 'text', text }],
    structuredContent: structured as Record<string, unknown>,
  };
}

/** Runs a tool body; an Engram error becomes a tool error carrying the server's code and message. */
export async function guarded(run: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await run();
  } catch (error) {
    if (!isEngramError(error)) throw error;
    return {
      isError: true,
      content: [{ type: 'text', text: `${error.code}: ${error.message}` }],
      structuredContent: { error: { code: error.code, message: error.message } },
    };
  }
}
