import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { EngramClient } from 'engram-client';
import { z } from 'zod';
import { getEntityTool, processConversationTool, summarizeTool } from './graph-tools.js';
import {
  anId,
  guarded,
  result,
  scopeId,
  scopeShape,
  type ToolContext,
  type ToolDefaults,
  toolContext,
} from './tool-context.js';
import { entityLabel, memoryLine, searchText } from './tool-text.js';

/** Registers Engram's tools on an MCP server; each calls the Engram HTTP API through `client`. */
export function registerMemoryTools(
  server: McpServer,
  client: EngramClient,
  defaults: ToolDefaults,
) {
  const context = toolContext(client, defaults);
  for (const tool of [
    addMemoryTool,
    searchMemoryTool,
    listMemoriesTool,
    deleteMemoryTool,
    getEntityTool,
    processConversationTool,
    summarizeTool,
  ]) {
    tool(server, context);
  }
}

function addMemoryTool(server: McpServer, { client, scope }: ToolContext) {
  server.registerTool(
    'add_memory',
    {
      title: 'Add memory',
      description:
        'Store one memory: a fact, preference or event worth remembering, in the user’s own words (e.g. "My sister Sarah lives in Boston"). People, places and organisations and the relationships between them are extracted; identical content is stored once.',
      inputSchema: {
        content: z.string().min(1).max(100_000).describe('What to remember'),
        session_id: scopeId.optional().describe('Conversation or session the memory belongs to'),
        memory_type: z.enum(['ephemeral', 'model_memory']).optional(),
        metadata: z.record(z.string(), z.unknown()).optional(),
        ...scopeShape,
      },
      annotations: { idempotentHint: true },
    },
    (args) =>
      guarded(async () => {
        const { content, session_id, memory_type, metadata } = args;
        const added = await client.addMemory({
          content,
          ...scope(args),
          ...(session_id ? { session_id } : {}),
          ...(memory_type ? { memory_type } : {}),
          ...(metadata ? { metadata } : {}),
        });
        const entities = added.entities.map(entityLabel).join(', ') || 'none';
        const verb = added.created ? 'Stored' : 'Already stored';
        return result(`${verb}: ${memoryLine(added.memory)}\nEntities: ${entities}`, added);
      }),
  );
}

function searchMemoryTool(server: McpServer, { client, scope }: ToolContext) {
  server.registerTool(
    'search_memory',
    {
      title: 'Search memory',
      description:
        'Find what is known that is relevant to a question or topic. Returns ranked memories with the entities they mention, and the current facts (relationships that hold now, or at as_of) about the people, places and organisations the query names.',
      inputSchema: {
        query: z.string().min(1).max(10_000).describe('A question or topic'),
        top_k: z
          .number()
          .int()
          .min(1)
          .max(100)
          .optional()
          .describe('How many memories (default 5)'),
        session_id: scopeId.optional(),
        as_of: z.string().datetime().optional().describe('Answer as things stood at this ISO time'),
        ...scopeShape,
      },
      annotations: { readOnlyHint: true },
    },
    (args) =>
      guarded(async () => {
        const { query, top_k, session_id, as_of } = args;
        const answer = await client.searchMemories({
          query,
          ...scope(args),
          ...(top_k ? { top_k } : {}),
          ...(session_id ? { session_id } : {}),
          ...(as_of ? { as_of } : {}),
        });
        return result(searchText(answer), answer);
      }),
  );
}

function listMemoriesTool(server: McpServer, { client, scope }: ToolContext) {
  server.registerTool(
    'list_memories',
    {
      title: 'List memories',
      description: 'List stored memories of a user, newest first, with their ids.',
      inputSchema: {
        limit: z.number().int().min(1).max(500).optional().describe('default 50'),
        offset: z.number().int().min(0).optional(),
        session_id: scopeId.optional(),
        ...scopeShape,
      },
      annotations: { readOnlyHint: true },
    },
    (args) =>
      guarded(async () => {
        const { limit, offset, session_id } = args;
        const listed = await client.listMemories({
          ...scope(args),
          ...(limit ? { limit } : {}),
          ...(offset ? { offset } : {}),
          ...(session_id ? { session_id } : {}),
        });
        return result(listed.memories.map(memoryLine).join('\n') || 'No memories.', listed);
      }),
  );
}

function deleteMemoryTool(server: McpServer, { client, scope }: ToolContext) {
  server.registerTool(
    'delete_memory',
    {
      title: 'Delete memory',
      description:
        'Delete one memory by id (from search_memory or list_memories), with the facts only it supported.',
      inputSchema: { memory_id: anId.describe('The memory id'), ...scopeShape },
      annotations: { destructiveHint: true, idempotentHint: true },
    },
    (args) =>
      guarded(async () => {
        await client.deleteMemory(args.memory_id, scope(args));
        return result(`Deleted memory ${args.memory_id}.`, { deleted: args.memory_id });
      }),
  );
}
