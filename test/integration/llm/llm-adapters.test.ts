import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type {
  LlmFailureReason,
  LlmHttpOptions,
} from '../../../src/adapters/llm/llm-http-options.js';
import { OllamaChatLlm } from '../../../src/adapters/llm/ollama-chat-llm.js';
import { OpenAiChatLlm } from '../../../src/adapters/llm/openai-chat-llm.js';
import { UpstreamUnavailableError } from '../../../src/domain/errors.js';
import type { Llm, LlmResponse } from '../../../src/ports/llm.js';
import { type FakeLlmServer, startFakeLlmServer } from '../../support/fake-llm-server.js';

interface Provider {
  readonly name: 'openai' | 'ollama';
  readonly path: string;
  create(options: LlmHttpOptions): Llm;
  baseUrl(origin: string): string;
}

const PROVIDERS: readonly Provider[] = [
  {
    name: 'openai',
    path: '/v1/chat/completions',
    create: (options) => new OpenAiChatLlm(options),
    baseUrl: (origin) => `${origin}/v1`,
  },
  {
    name: 'ollama',
    path: '/api/chat',
    create: (options) => new OllamaChatLlm(options),
    baseUrl: (origin) => origin,
  },
];

const SECRET_PROMPT = 'my secret diary entry about Sarah';

let server: FakeLlmServer;
beforeAll(async () => {
  server = await startFakeLlmServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.reset();
});

describe.each(PROVIDERS)('$name chat adapter', (provider) => {
  let sleeps: number[];
  let usages: LlmResponse['usage'][];
  let errors: LlmFailureReason[];

  function llm(overrides: Partial<LlmHttpOptions> = {}): Llm {
    return provider.create({
      baseUrl: provider.baseUrl(server.url),
      model: 'test-model',
      timeoutMs: 5_000,
      maxRetries: 2,
      retryBaseDelayMs: 100,
      maxRetryDelayMs: 5_000,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      onUsage: (usage) => usages.push(usage),
      onError: (reason) => errors.push(reason),
      ...overrides,
    });
  }

  function ask(model: Llm, json = false) {
    return model.complete({ messages: [{ role: 'user', content: SECRET_PROMPT }], json });
  }

  async function failure(promise: Promise<unknown>): Promise<UpstreamUnavailableError> {
    const error = await promise.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    return error as UpstreamUnavailableError;
  }

  beforeEach(() => {
    sleeps = [];
    usages = [];
    errors = [];
  });

  it('returns the model text and token usage', async () => {
    server.enqueue({ content: 'Hello!', usage: { promptTokens: 12, completionTokens: 3 } });
    const response = await ask(llm());
    expect(response).toEqual({ text: 'Hello!', usage: { promptTokens: 12, completionTokens: 3 } });
    expect(usages).toEqual([{ promptTokens: 12, completionTokens: 3 }]);
  });

  it('posts the model, the messages and stream false to the provider path', async () => {
    server.enqueue('ok');
    await ask(llm());
    const [request] = server.requests;
    expect(request?.path).toBe(provider.path);
    expect(request?.body).toMatchObject({
      model: 'test-model',
      stream: false,
      messages: [{ role: 'user', content: SECRET_PROMPT }],
    });
  });

  it('asks for JSON output in the provider dialect', async () => {
    server.enqueue('{}');
    await ask(llm(), true);
    const expected =
      provider.name === 'openai'
        ? { response_format: { type: 'json_object' } }
        : { format: 'json' };
    expect(server.requests[0]?.body).toMatchObject(expected);
  });

  it('sends the API key as a bearer token', async () => {
    server.enqueue('ok');
    await ask(llm({ apiKey: 'sk-test' }));
    expect(server.requests[0]?.headers['authorization']).toBe('Bearer sk-test');
  });

  it('retries after a 429 and waits what Retry-After asks', async () => {
    server.enqueue({ status: 429, body: { error: 'slow down' }, headers: { 'retry-after': '2' } });
    server.enqueue('after the wait');
    const response = await ask(llm());
    expect(response.text).toBe('after the wait');
    expect(sleeps).toEqual([2_000]);
    expect(server.requests).toHaveLength(2);
  });

  it('caps a long Retry-After at maxRetryDelayMs', async () => {
    server.enqueue({ status: 429, body: {}, headers: { 'retry-after': '120' } }, 'ok');
    await ask(llm());
    expect(sleeps).toEqual([5_000]);
  });

  it('retries after a 500 and succeeds', async () => {
    server.enqueue({ status: 500, body: { error: 'boom' } }, 'recovered');
    const response = await ask(llm());
    expect(response.text).toBe('recovered');
    expect(server.requests).toHaveLength(2);
  });

  it('backs off exponentially with jitter below the doubling bound', async () => {
    server.enqueue({ status: 503, body: {} }, { status: 502, body: {} }, { status: 500 }, 'ok');
    await ask(llm({ maxRetries: 3 }));
    expect(sleeps).toHaveLength(3);
    sleeps.forEach((ms, attempt) => {
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(ms).toBeLessThanOrEqual(100 * 2 ** attempt);
    });
  });

  it('gives up after maxRetries on a 500 that never ends', async () => {
    server.setDefault({ status: 500, body: { error: 'down' } });
    const error = await failure(ask(llm({ maxRetries: 2 })));
    expect(server.requests).toHaveLength(3);
    expect(error.code).toBe('upstream_unavailable');
    expect(error.message).toContain(provider.name);
    expect(error.message).toContain('HTTP 500');
    expect(error.message).not.toContain('Sarah');
    expect(error.cause).toBeInstanceOf(Error);
    expect(errors).toEqual(['server_error']);
  });

  it('does not retry other 4xx answers', async () => {
    server.enqueue({ status: 400, body: { error: 'bad request' } }, 'never reached');
    const error = await failure(ask(llm()));
    expect(server.requests).toHaveLength(1);
    expect(error.message).toContain('HTTP 400');
    expect(errors).toEqual(['client_error']);
  });

  it('times out a slow answer without retrying it', async () => {
    server.enqueue({ content: 'too late', delayMs: 3_000 });
    const error = await failure(ask(llm({ timeoutMs: 150 })));
    expect(error.message).toContain('timed out');
    expect(server.requests).toHaveLength(1);
    expect(errors).toEqual(['timeout']);
  });

  it('retries network errors and then reports them', async () => {
    const closed = await startFakeLlmServer();
    await closed.close();
    const model = llm({ baseUrl: provider.baseUrl(closed.url), maxRetries: 1 });
    const error = await failure(ask(model));
    expect(error.message).toContain('network error after 2 attempts');
    expect(sleeps).toHaveLength(1);
    expect(errors).toEqual(['network']);
  });

  it('reports a 200 answer whose body is not JSON', async () => {
    server.enqueue({ status: 200, body: '<html>proxy error</html>' });
    await failure(ask(llm()));
    expect(errors).toEqual(['invalid_response']);
  });

  it('reports a JSON answer without message content', async () => {
    server.enqueue({ status: 200, body: { unexpected: true } });
    const error = await failure(ask(llm()));
    expect(error.message).toContain('content');
    expect(errors).toEqual(['invalid_response']);
  });
});

describe('base URLs', () => {
  it('OpenAiChatLlm appends /v1 to a bare origin', async () => {
    server.enqueue('ok');
    const model = new OpenAiChatLlm({
      baseUrl: server.url,
      model: 'm',
      timeoutMs: 5_000,
      maxRetries: 0,
    });
    await model.complete({ messages: [{ role: 'user', content: 'hi' }] });
    expect(server.requests[0]?.path).toBe('/v1/chat/completions');
  });

  it('OpenAiChatLlm keeps a /v1/ base with a trailing slash', async () => {
    server.enqueue('ok');
    const baseUrl = `${server.url}/v1/`;
    const model = new OpenAiChatLlm({ baseUrl, model: 'm', timeoutMs: 5_000, maxRetries: 0 });
    await model.complete({ messages: [{ role: 'user', content: 'hi' }] });
    expect(server.requests[0]?.path).toBe('/v1/chat/completions');
  });

  it('OllamaChatLlm drops a trailing /v1 to reach the native API', async () => {
    server.enqueue('ok');
    const baseUrl = `${server.url}/v1`;
    const model = new OllamaChatLlm({ baseUrl, model: 'm', timeoutMs: 5_000, maxRetries: 0 });
    await model.complete({ messages: [{ role: 'user', content: 'hi' }] });
    expect(server.requests[0]?.path).toBe('/api/chat');
  });
});
