import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { EngramClient } from 'engram-client';
import { loadMcpConfig } from '../config/mcp-config.js';
import { createMcpServer } from '../mcp/create-mcp-server.js';
import type { CommandContext } from './command-context.js';

/**
 * `engram mcp`: the MCP tools over stdio for a desktop assistant, calling a running Engram
 * (ENGRAM_URL) through the client. stdout carries only the protocol; diagnostics go to stderr.
 * Ends when stdin closes or on SIGINT/SIGTERM.
 */
export async function runMcp(_args: string[], { stderr }: CommandContext): Promise<number> {
  const config = loadMcpConfig();
  const client = new EngramClient({
    baseUrl: config.url,
    apiKey: config.apiKey,
    timeoutMs: config.timeoutMs,
  });
  const server = createMcpServer(client, { userId: config.userId, agentId: config.agentId });
  const ended = new Promise<void>((resolve) => {
    process.stdin.once('end', resolve);
    process.stdin.once('close', resolve);
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.connect(new StdioServerTransport());
  stderr.write(`engram mcp: serving memory tools over stdio for ${config.url}\n`);
  client.getHealth({ timeoutMs: 2_000 }).catch((error: Error) => {
    stderr.write(`engram mcp: ${config.url} does not answer yet (${error.message})\n`);
  });
  await ended;
  await server.close();
  return 0;
}
