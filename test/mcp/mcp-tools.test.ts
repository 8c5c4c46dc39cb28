import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useListeningApp } from '../support/use-listening-app.js';

const server = useListeningApp();
const BIN = path.resolve(import.meta.dirname, '../../bin/engram.mjs');

const TOOLS = [
  'add_memory',
  'delete_memory',
  'get_entity',
  'list_memories',
  'process_conversation',
  'search_memory',
  'summarize',
];

/** An MCP client over one of the two transports, whose default user is `user`. */
async function connect(kind: 'stdio' | 'http', user: string): Promise<Client> {
  const client = new Client({ name: 'engram-test', version: '1.0.0' });
  const transport =
    kind === 'http'
      ? new StreamableHTTPClientTransport(new URL(`${server.url()}/mcp?user_id=${user}`))
      : new StdioClientTransport({
          command: process.execPath,
          args: [BIN, 'mcp'],
          env: { PATH: process.env['PATH'] ?? '', ENGRAM_URL: server.url(), ENGRAM_USER_ID: user },
          stderr: 'ignore',
        });
  await client.connect(transport);
  return client;
}

const call = async (client: Client, name: string, args: Record<string, unknown>) =>
  (await client.callTool({ name, arguments: args })) as CallToolResult;
const textOf = (result: CallToolResult) =>
  result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');

describe.each(['stdio', 'http'] as const)('MCP over %s', (kind) => {
  const user = `mcp-${kind}`;
  let client: Client;
  beforeAll(async () => {
    client = await connect(kind, user);
  });
  afterAll(async () => {
    await client?.close();
  });

  it('lists the memory tools with descriptions and input schemas', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(TOOLS);
    for (const tool of tools) {
      expect(tool.description?.length).toBeGreaterThan(20);
      expect(tool.inputSchema.type).toBe('object');
    }
  });

  it('adds a memory for the default user and finds it with entity context and facts', async () => {
    const added = await call(client, 'add_memory', {
      content: 'My sister Sarah lives in Boston and works at Google.',
    });
    expect(added.isError).toBeFalsy();
    expect(textOf(added)).toMatch(/^Stored: \[.+\] .* Sarah lives in Boston/);
    const memoryId = (added.structuredContent as { memory: { id: string } }).memory.id;
    const listed = (await (await fetch(`${server.url()}/memories?user_id=${user}`)).json()) as {
      memories: { id: string }[];
    };
    expect(listed.memories.map((memory) => memory.id)).toEqual([memoryId]);

    const found = await call(client, 'search_memory', { query: 'Where does Sarah live?' });
    expect(textOf(found)).toContain('Sarah lives in Boston');
    expect(textOf(found)).toMatch(/Current facts:\n.*Sarah lives_in Boston/);
    const structured = found.structuredContent as { results: { memory: { id: string } }[] };
    expect(structured.results[0]?.memory.id).toBe(memoryId);
  });

  it('gets an entity by name with its relationships and neighbourhood', async () => {
    const entity = await call(client, 'get_entity', { name: 'Sarah', depth: 2 });
    expect(textOf(entity)).toMatch(/^Sarah \(PERSON\)/);
    expect(textOf(entity)).toContain('Sarah lives_in Boston');
    expect(textOf(entity)).toMatch(/Neighbourhood: .*Google/);
  });

  it('lists, processes a conversation, summarises, and deletes', async () => {
    const processed = await call(client, 'process_conversation', {
      messages: [
        { role: 'user', content: 'Hello!' },
        { role: 'user', content: 'My brother Ken moved to Denver last year.' },
      ],
    });
    expect(textOf(processed)).toMatch(/^Added 1, updated 0, skipped 1 \(rules\)/);
    const listed = await call(client, 'list_memories', {});
    expect(textOf(listed).split('\n')).toHaveLength(2);
    const summary = await call(client, 'summarize', {
      text: 'Ken moved to Denver. He likes the mountains. The weather was mild.',
      max_sentences: 1,
    });
    expect(textOf(summary)).toContain('Ken');
    const kenId = (processed.structuredContent as { added: { memory: { id: string } }[] }).added[0]
      ?.memory.id;
    const deleted = await call(client, 'delete_memory', { memory_id: kenId });
    expect(textOf(deleted)).toBe(`Deleted memory ${kenId}.`);
    const again = await call(client, 'delete_memory', { memory_id: kenId });
    expect(again.isError).toBe(true);
    expect(textOf(again)).toBe(`not_found: memory ${kenId} not found`);
  });

  it('answers bad arguments with a tool error carrying the message, and keeps serving', async () => {
    const empty = await call(client, 'add_memory', { content: '' });
    expect(empty.isError).toBe(true);
    expect(textOf(empty)).toMatch(/Input validation error.*content/s);
    const badId = await call(client, 'delete_memory', { memory_id: 'not-a-uuid' });
    expect(badId.isError).toBe(true);
    expect(textOf(badId)).toMatch(/^invalid_input: .*uuid/);
    const unknown = await call(client, 'no_such_tool', {});
    expect(unknown.isError).toBe(true);
    expect((await client.listTools()).tools).toHaveLength(TOOLS.length);
  });

  it('lets a call name another user than the default', async () => {
    await call(client, 'add_memory', { content: 'I play chess on Sundays.', user_id: `${user}-b` });
    const mine = await call(client, 'search_memory', { query: 'chess' });
    expect(textOf(mine)).not.toContain('chess');
    const theirs = await call(client, 'search_memory', { query: 'chess', user_id: `${user}-b` });
    expect(textOf(theirs)).toContain('I play chess on Sundays.');
  });
});

describe('/mcp over plain HTTP', () => {
  it('answers GET and DELETE with 405 (stateless), and a malformed body with 400', async () => {
    for (const method of ['GET', 'DELETE']) {
      const response = await fetch(`${server.url()}/mcp`, { method });
      expect(response.status).toBe(405);
    }
    const malformed = await fetch(`${server.url()}/mcp`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: '{bad',
    });
    expect(malformed.status).toBe(400);
  });
});
