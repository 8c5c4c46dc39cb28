import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A canned answer: model text (wrapped in the API's envelope), or a raw HTTP reply. */
export type FakeLlmReply =
  | string
  | {
      /** Model text, wrapped as an OpenAI or Ollama chat answer depending on the path. */
      readonly content?: string;
      /** Raw status (default 200); with no `content`, `body` is sent as is. */
      readonly status?: number;
      readonly body?: string | object;
      readonly headers?: Readonly<Record<string, string>>;
      /** Wait this long before answering (to exceed a client's timeout). */
      readonly delayMs?: number;
      readonly usage?: { readonly promptTokens: number; readonly completionTokens: number };
    };

/** One request the server received. */
export interface CapturedLlmRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The parsed JSON body (or the raw text when it was not JSON). */
  readonly body: unknown;
}

export interface FakeLlmServer {
  /** Origin, e.g. `http://127.0.0.1:40123` (OpenAI root is `${url}/v1`). */
  readonly url: string;
  /** Queues answers, served first in, first out, to any chat path. */
  enqueue(...replies: FakeLlmReply[]): void;
  /** The answer used whenever the queue is empty (default: HTTP 418, not retried). */
  setDefault(reply: FakeLlmReply): void;
  readonly requests: CapturedLlmRequest[];
  /** Empties the queue and the captured requests, and restores the default answer. */
  reset(): void;
  close(): Promise<void>;
}

const OPENAI_PATHS = new Set(['/v1/chat/completions', '/chat/completions']);
const OLLAMA_PATH = '/api/chat';
const NO_ANSWER: FakeLlmReply = { status: 418, body: { error: 'no canned answer queued' } };

/**
 * A loopback HTTP server speaking OpenAI chat completions (`/v1/chat/completions`) and Ollama
 * `/api/chat`, answering from a queue of canned replies. Port 0: one per test file.
 */
export async function startFakeLlmServer(): Promise<FakeLlmServer> {
  const queue: FakeLlmReply[] = [];
  const requests: CapturedLlmRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let fallback = NO_ANSWER;
  const server = createServer((request, response) => {
    void readBody(request).then((raw) => {
      const path = (request.url ?? '/').split('?')[0] ?? '/';
      requests.push({ method: request.method ?? 'GET', path, headers: request.headers, body: raw });
      if (!OPENAI_PATHS.has(path) && path !== OLLAMA_PATH) {
        send(response, 404, { 'content-type': 'application/json' }, '{"error":"not found"}');
        return;
      }
      const reply = queue.shift() ?? fallback;
      const delayMs = typeof reply === 'string' ? 0 : (reply.delayMs ?? 0);
      const respond = () => answer(response, path, reply, model(raw));
      if (delayMs <= 0) return respond();
      const timer = setTimeout(() => {
        timers.delete(timer);
        respond();
      }, delayMs);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    enqueue: (...replies) => queue.push(...replies),
    setDefault: (reply) => {
      fallback = reply;
    },
    requests,
    reset: () => {
      queue.length = 0;
      requests.length = 0;
      fallback = NO_ANSWER;
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function model(body: unknown): string {
  const value = (body as { model?: unknown } | null)?.model;
  return typeof value === 'string' ? value : 'fake-model';
}

function answer(response: ServerResponse, path: string, reply: FakeLlmReply, name: string) {
  const spec = typeof reply === 'string' ? { content: reply } : reply;
  const headers = { 'content-type': 'application/json', ...spec.headers };
  if (spec.content === undefined) {
    const body = typeof spec.body === 'string' ? spec.body : JSON.stringify(spec.body ?? {});
    return send(response, spec.status ?? 200, headers, body);
  }
  const usage = spec.usage ?? { promptTokens: 11, completionTokens: 7 };
  const envelope =
    path === OLLAMA_PATH
      ? {
          model: name,
          message: { role: 'assistant', content: spec.content },
          done: true,
          prompt_eval_count: usage.promptTokens,
          eval_count: usage.completionTokens,
        }
      : {
          id: 'chatcmpl-fake',
          object: 'chat.completion',
          model: name,
          choices: [{ index: 0, message: { role: 'assistant', content: spec.content } }],
          usage: {
            prompt_tokens: usage.promptTokens,
            completion_tokens: usage.completionTokens,
            total_tokens: usage.promptTokens + usage.completionTokens,
          },
        };
  send(response, spec.status ?? 200, headers, JSON.stringify(envelope));
}

function send(
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string,
) {
  if (response.destroyed || response.writableEnded) return;
  response.writeHead(status, headers).end(body);
}
