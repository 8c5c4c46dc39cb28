import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { EngramClient } from 'engram-client';
import { registerMemoryTools } from './memory-tools.js';
import type { ToolDefaults } from './tool-context.js';

/** An MCP server named `engram` with the memory tools, each calling Engram through `client`. */
export function createMcpServer(client: EngramClient, defaults: ToolDefaults = {}): McpServer {
  const server = new McpServer(
    { name: 'engram', version: '0.1.0' },
    {
      instructions:
        'Long-term memory. Call search_memory before answering questions about the user, and add_memory when the user states a durable fact or preference.',
    },
  );
  registerMemoryTools(server, client, defaults);
  return server;
}
