import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HttpEmbedder } from '../../../src/adapters/embeddings/http-embedder.js';
import { UpstreamUnavailableError } from '../../../src/domain/errors.js';
import { embedderContract } from '../../contract/embedder.contract.js';

const DIMENSIONS = 16;

/** A deterministic, deliberately not normalised vector per text. */
function fakeVector(text: string): number[] {
  const digest = createHash('sha256').update(text).digest();
  return Array.from({ length: DIMENSIONS }, (_, k) => ((digest[k] ?? 0) - 128) / 16);
}

interface Seen {
  path: string;
  authorization: string | undefined;
  body: { model: string; input: string[] };
}

/** Loopback stand-in for OpenAI's and Ollama's embedding endpoints. */
class FakeEmbeddingServer {
  readonly seen: Seen[] = [];
  /** Statuses to answer with before answering normally (e.g. [503] fails once). */
  failures: number[] = [];
  mode: 'normal' | 'hang' | 'not-json' | 'short' = 'normal';
  #server: Server | undefined;

  get url(): string {
    return `http://127.0.0.1:${(this.#server!.address() as AddressInfo).port}`;
  }

  async start(): Promise<void> {
    this.#server = createServer((request, response) => void this.#handle(request, response));
    this.#server.listen(0, '127.0.0.1');
    await once(this.#server, 'listening');
  }

  async stop(): Promise<void> {
    this.#server?.closeAllConnections();
    this.#server?.close();
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of request) raw += chunk;
    const body = JSON.parse(raw) as Seen['body'];
    this.seen.push({ path: request.url ?? '', authorization: request.headers.authorization, body });
    if (this.mode === 'hang') return;
    const status = this.failures.shift();
    if (status) {
      response.writeHead(status).end('{"error":"nope"}');
      return;
    }
    if (this.mode === 'not-json') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"data": [');
      return;
    }
    const inputs = this.mode === 'short' ? body.input.slice(1) : body.input;
    const vectors = inputs.map(fakeVector);
    const payload =
      request.url === '/api/embed'
        ? { model: body.model, embeddings: vectors }
        : {
            object: 'list',
            // Out of order on purpose: clients must sort by index.
            data: vectors
              .map((embedding, index) => ({ object: 'embedding', index, embedding }))
              .reverse(),
          };
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
  }
}

const server = new FakeEmbeddingServer();

beforeAll(async () => {
  await server.start();
});

afterAll(async () => {
  await server.stop();
});

beforeEach(() => {
  server.seen.length = 0;
  server.failures = [];
  server.mode = 'normal';
});

embedderContract('HttpEmbedder (OpenAI-compatible)', () => {
  return new HttpEmbedder({ baseUrl: server.url, api: 'openai', model: 'fake-embed' });
});

embedderContract('HttpEmbedder (Ollama)', () => {
  return new HttpEmbedder({ baseUrl: server.url, api: 'ollama', model: 'fake-embed' });
});

describe('HttpEmbedder', () => {
  const norm = (vector: readonly number[]) => Math.sqrt(vector.reduce((s, x) => s + x * x, 0));

  it('posts to /v1/embeddings with the model, input and bearer key, in input order', async () => {
    const embedder = new HttpEmbedder({
      baseUrl: server.url,
      api: 'openai',
      model: 'text-embedding-3-small',
      apiKey: 'sk-test',
      dimensions: DIMENSIONS,
    });
    const vectors = await embedder.embed(['alpha', 'beta']);
    expect(server.seen).toEqual([
      {
        path: '/v1/embeddings',
        authorization: 'Bearer sk-test',
        body: { model: 'text-embedding-3-small', input: ['alpha', 'beta'] },
      },
    ]);
    const alpha = fakeVector('alpha');
    expect(vectors[0]?.[0]).toBeCloseTo((alpha[0] ?? 0) / norm(alpha), 6);
  });

  it('does not add /v1 twice when the base URL already ends with it', async () => {
    const embedder = new HttpEmbedder({ baseUrl: `${server.url}/v1/`, api: 'openai', model: 'm' });
    await embedder.embed(['x']);
    expect(server.seen[0]?.path).toBe('/v1/embeddings');
  });

  it('posts to /api/embed for Ollama', async () => {
    const embedder = new HttpEmbedder({
      baseUrl: server.url,
      api: 'ollama',
      model: 'nomic-embed-text',
    });
    await embedder.embed(['x']);
    expect(server.seen[0]).toMatchObject({
      path: '/api/embed',
      body: { model: 'nomic-embed-text' },
    });
  });

  it('learns the dimension from the server at init', async () => {
    const embedder = new HttpEmbedder({ baseUrl: server.url, api: 'ollama', model: 'm' });
    await embedder.init();
    expect(embedder.identity).toEqual({ provider: 'http', model: 'm', dimensions: DIMENSIONS });
  });

  it('splits large inputs into batches', async () => {
    const embedder = new HttpEmbedder({
      baseUrl: server.url,
      api: 'openai',
      model: 'm',
      batchSize: 2,
    });
    expect(await embedder.embed(['a', 'b', 'c', 'd', 'e'])).toHaveLength(5);
    expect(server.seen.map((seen) => seen.body.input.length)).toEqual([2, 2, 1]);
  });

  it('retries a 503 and succeeds', async () => {
    server.failures = [503];
    const embedder = new HttpEmbedder({ baseUrl: server.url, api: 'openai', model: 'm' });
    expect(await embedder.embed(['a'])).toHaveLength(1);
    expect(server.seen).toHaveLength(2);
  });

  it('gives up with UpstreamUnavailableError after the retries', async () => {
    server.failures = [500, 500, 500];
    const embedder = new HttpEmbedder({
      baseUrl: server.url,
      api: 'openai',
      model: 'm',
      retries: 2,
    });
    await expect(embedder.embed(['a'])).rejects.toBeInstanceOf(UpstreamUnavailableError);
    expect(server.seen).toHaveLength(3);
  });

  it('does not retry a 401', async () => {
    server.failures = [401];
    const embedder = new HttpEmbedder({ baseUrl: server.url, api: 'openai', model: 'm' });
    await expect(embedder.embed(['a'])).rejects.toThrow(/status 401/);
    expect(server.seen).toHaveLength(1);
  });

  it('times out a server that does not answer', async () => {
    server.mode = 'hang';
    const embedder = new HttpEmbedder({
      baseUrl: server.url,
      api: 'openai',
      model: 'm',
      timeoutMs: 200,
      retries: 0,
    });
    const failure = embedder.embed(['a']);
    await expect(failure).rejects.toBeInstanceOf(UpstreamUnavailableError);
    await expect(failure).rejects.toHaveProperty('cause.name', 'TimeoutError');
  });

  it('rejects a malformed answer', async () => {
    server.mode = 'not-json';
    const embedder = new HttpEmbedder({ baseUrl: server.url, api: 'openai', model: 'm' });
    await expect(embedder.embed(['a'])).rejects.toThrow(/not JSON/);
  });

  it('rejects an answer with fewer vectors than texts', async () => {
    server.mode = 'short';
    const embedder = new HttpEmbedder({ baseUrl: server.url, api: 'ollama', model: 'm' });
    await expect(embedder.embed(['a', 'b'])).rejects.toThrow(/1 vectors for 2 texts/);
  });

  it('reports an unreachable server as UpstreamUnavailableError', async () => {
    const embedder = new HttpEmbedder({
      baseUrl: 'http://127.0.0.1:9',
      api: 'ollama',
      model: 'm',
      retries: 0,
    });
    await expect(embedder.init()).rejects.toBeInstanceOf(UpstreamUnavailableError);
  });
});
