import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { EngramClient } from 'engram-client';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { createMcpServer } from '../../mcp/create-mcp-server.js';
import { injectFetch } from '../inject-fetch.js';

const CREDENTIAL_HEADERS = ['authorization', 'x-api-key'];

/**
 * `/mcp`: the MCP tools over Streamable HTTP (stateless, JSON answers). Each request gets its own
 * MCP server whose tools call this app's REST routes in-process with the caller's credentials, so
 * the same auth and scoping apply. `?user_id=` and `?agent_id=` on the URL set the default scope.
 */
export const mcpRoutes: FastifyPluginAsync = async (app) => {
  const handle = async (request: FastifyRequest) => {
    const query = request.query as Record<string, string | undefined>;
    const client = new EngramClient({
      baseUrl: 'http://engram.internal',
      fetch: injectFetch(app, credentialsOf(request)),
      maxRetries: 0,
    });
    const server = createMcpServer(client, {
      userId: query['user_id'],
      agentId: query['agent_id'],
    });
    // No sessionIdGenerator: stateless, so any replica can answer any request.
    const transport = new WebStandardStreamableHTTPServerTransport({ enableJsonResponse: true });
    await server.connect(transport);
    try {
      return await transport.handleRequest(webRequestOf(request), { parsedBody: request.body });
    } finally {
      await server.close();
    }
  };

  app.post('/mcp', { schema: { hide: true } }, async (request, reply) => {
    const answer = await handle(request);
    reply.status(answer.status);
    answer.headers.forEach((value, key) => {
      reply.header(key, value);
    });
    return answer.body ? reply.send(await answer.text()) : reply.send();
  });
  // Stateless: no server-initiated stream to GET, no session to DELETE.
  app.route({
    method: ['GET', 'DELETE'],
    url: '/mcp',
    schema: { hide: true },
    handler: async (_request, reply) =>
      reply
        .status(405)
        .header('allow', 'POST')
        .send({
          jsonrpc: '2.0',
          error: {
            code: -32000,
            message: 'Method not allowed: this MCP endpoint is stateless, POST only',
          },
          id: null,
        }),
  });
};

function credentialsOf(request: FastifyRequest): Record<string, string> {
  const forwarded: Record<string, string> = {};
  for (const name of CREDENTIAL_HEADERS) {
    const value = request.headers[name];
    if (typeof value === 'string') forwarded[name] = value;
  }
  return forwarded;
}

/** The Fastify request as a web Request (headers and URL; the parsed body is passed separately). */
function webRequestOf(request: FastifyRequest): Request {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return new Request(`http://${request.host}${request.url}`, { method: request.method, headers });
}
