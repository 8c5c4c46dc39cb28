import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { EngramClient } from 'engram-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { useListeningApp } from '../support/use-listening-app.js';
import { useTestApp } from '../support/use-test-app.js';

// A stand-in for the API-key hook of issue 14: one global onRequest hook, added before the app
// starts, that wants `Authorization: Bearer secret` (or X-API-Key) on every route but /health.
const KEY = 'secret';
const inner = useTestApp();
beforeAll(() => {
  inner.app.addHook('onRequest', async (request, reply) => {
    if (request.url === '/health') return;
    const bearer = request.headers.authorization === `Bearer ${KEY}`;
    if (bearer || request.headers['x-api-key'] === KEY) return;
    const code = request.headers.authorization ? 'forbidden' : 'unauthorized';
    return reply
      .status(code === 'forbidden' ? 403 : 401)
      .send({ code, message: 'no valid API key' });
  });
});
const server = useListeningApp({}, inner);

describe('behind an API-key hook', () => {
  it('the client throws unauthorized without a key, forbidden with a wrong one, and works with it', async () => {
    const anonymous = new EngramClient({ baseUrl: server.url() });
    await expect(anonymous.listMemories()).rejects.toMatchObject({
      code: 'unauthorized',
      status: 401,
    });
    const wrong = new EngramClient({ baseUrl: server.url(), apiKey: 'nope' });
    await expect(wrong.listMemories()).rejects.toMatchObject({ code: 'forbidden', status: 403 });
    const keyed = new EngramClient({ baseUrl: server.url(), apiKey: KEY });
    expect((await keyed.listMemories({ user_id: 'k' })).memories).toEqual([]);
  });

  it('/mcp is covered by the hook, and its tools call the routes with the caller’s key', async () => {
    const refused = await fetch(`${server.url()}/mcp`, { method: 'POST', body: '{}' });
    expect(refused.status).toBe(401);
    const client = new Client({ name: 'engram-test', version: '1.0.0' });
    const transport = new StreamableHTTPClientTransport(new URL(`${server.url()}/mcp?user_id=k`), {
      requestInit: { headers: { 'x-api-key': KEY } },
    });
    await client.connect(transport);
    const added = (await client.callTool({
      name: 'add_memory',
      arguments: { content: 'I keep bees.' },
    })) as CallToolResult;
    expect(added.isError).toBeFalsy();
    const keyed = new EngramClient({ baseUrl: server.url(), apiKey: KEY });
    const { memories } = await keyed.listMemories({ user_id: 'k' });
    expect(memories.map((memory) => memory.content)).toEqual(['I keep bees.']);
    await client.close();
  });
});
