// Prints a desktop assistant's MCP config for this checkout and checks it works: starts
// `engram mcp` over stdio as the assistant would (node on the bin that npx runs), lists the
// tools, stores and searches.
// Run `npm start` first, then `npm run example:mcp`.
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin/engram.mjs');
const env = {
  ENGRAM_URL: process.env['ENGRAM_URL'] ?? 'http://127.0.0.1:8000',
  ENGRAM_USER_ID: process.env['ENGRAM_USER_ID'] ?? 'example-user',
};
const args = ['--prefix', root, 'engram', 'mcp'];
const config = { mcpServers: { engram: { command: 'npx', args, env } } };
process.stdout.write(
  `Desktop assistant config (e.g. claude_desktop_config.json):\n${JSON.stringify(config, null, 2)}\n\n`,
);

const client = new Client({ name: 'engram-example', version: '1.0.0' });
await client.connect(
  new StdioClientTransport({
    command: process.execPath,
    args: [bin, 'mcp'],
    env: { ...env, PATH: process.env['PATH'] ?? '' },
  }),
);
const { tools } = await client.listTools();
process.stdout.write(`tools: ${tools.map((tool) => tool.name).join(', ')}\n`);
const text = (result: Awaited<ReturnType<Client['callTool']>>) =>
  (result.content as { type: string; text?: string }[]).map((part) => part.text ?? '').join('\n');
const added = await client.callTool({
  name: 'add_memory',
  arguments: { content: 'I moved to Lisbon in March.' },
});
process.stdout.write(`add_memory → ${text(added)}\n`);
const found = await client.callTool({
  name: 'search_memory',
  arguments: { query: 'Where do I live?' },
});
process.stdout.write(`search_memory → ${text(found)}\n`);
await client.close();
