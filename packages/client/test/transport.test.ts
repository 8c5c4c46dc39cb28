import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { EngramClient, type RetryInfo } from 'engram-client';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { useListeningApp } from '../../../test/support/use-listening-app.js';

const server = useListeningApp();

/** A fetch to the real server whose first `times` answers are replaced by `status`. */
function failingFirst(times: number, status: number, headers: Record<string, string> = {}) {
  const seen: Request[] = [];
  const wrapped: typeof fetch = async (input, init) => {
    seen.push(new Request(input, init));
    if (seen.length <= times) {
      const body = JSON.stringify({
        code: status === 429 ? 'rate_limited' : 'upstream_unavailable',
        message: 'try later',
      });
      return new Response(body, {
        status,
        headers: { 'content-type': 'application/json', ...headers },
      });
    }
    return fetch(input, init);
  };
  return { fetch: wrapped, seen };
}

describe('retries', () => {
  it('retries a 429 after the Retry-After seconds, then answers', async () => {
    const transport = failingFirst(1, 429, { 'retry-after': '0' });
    const retries: RetryInfo[] = [];
    const client = new EngramClient({
      baseUrl: server.url(),
      fetch: transport.fetch,
      onRetry: (retry) => retries.push(retry),
    });
    expect(await client.getHealth()).toEqual({ status: 'ok' });
    expect(retries).toEqual([{ attempt: 1, status: 429, delayMs: 0 }]);
    expect(transport.seen).toHaveLength(2);
  });

  it('reads a Retry-After HTTP date as the wait', async () => {
    const at = new Date(Date.now() + 20_000).toUTCString();
    const retries: RetryInfo[] = [];
    const client = new EngramClient({
      baseUrl: server.url(),
      fetch: failingFirst(1, 503, { 'retry-after': at }).fetch,
      maxRetryDelayMs: 10_000,
      onRetry: (retry) => retries.push(retry),
    });
    // 20 s is over the 10 s the caller accepts: the 503 is thrown at once, not waited for.
    await expect(client.getHealth()).rejects.toMatchObject({
      code: 'upstream_unavailable',
      status: 503,
    });
    expect(retries).toEqual([]);
  });

  it('gives up after maxRetries and throws the last answer', async () => {
    const transport = failingFirst(5, 503, { 'retry-after': '0' });
    const client = new EngramClient({
      baseUrl: server.url(),
      fetch: transport.fetch,
      maxRetries: 2,
    });
    await expect(client.searchMemories({ query: 'x' })).rejects.toMatchObject({
      code: 'upstream_unavailable',
      status: 503,
      message: 'try later',
    });
    expect(transport.seen).toHaveLength(3);
  });

  it('does not retry a 4xx other than 429', async () => {
    const transport = failingFirst(0, 0);
    const client = new EngramClient({ baseUrl: server.url(), fetch: transport.fetch });
    await expect(client.addMemory({ content: '' })).rejects.toMatchObject({ status: 400 });
    expect(transport.seen).toHaveLength(1);
  });
});

describe('timeouts and keys', () => {
  // Auth failures (401, 403) against an API-key hook: test/mcp/credentials.test.ts.
  it('throws timeout when the server does not answer in time', async () => {
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    const client = new EngramClient({ baseUrl: server.url(), fetch: hanging, timeoutMs: 50 });
    await expect(client.getHealth()).rejects.toMatchObject({ code: 'timeout' });
  });

  it('throws aborted when the caller aborts', async () => {
    const client = new EngramClient({ baseUrl: server.url() });
    const controller = new AbortController();
    controller.abort();
    await expect(client.getHealth({ signal: controller.signal })).rejects.toMatchObject({
      code: 'aborted',
    });
  });

  it('sends the API key as a bearer token on every request', async () => {
    const transport = failingFirst(0, 0);
    const client = new EngramClient({
      baseUrl: server.url(),
      apiKey: 'ek_test',
      fetch: transport.fetch,
    });
    await client.listMemories({ user_id: 'nobody' });
    expect(transport.seen[0]?.headers.get('authorization')).toBe('Bearer ek_test');
  });
});

const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));

/** The client bundled for browsers, as one script that sets `globalThis.Engram`. */
async function browserBundle(): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    globalName: 'Engram',
    target: 'es2022',
    write: false,
  });
  return result.outputFiles[0]?.text ?? '';
}

describe('the client in a browser bundle', () => {
  it('bundles for the browser and talks to the server with only web globals', async () => {
    const code = await browserBundle();
    // Only what a browser page has: no require, process, Buffer or node: modules.
    const page = vm.createContext({
      fetch,
      Request,
      Response,
      Headers,
      AbortController,
      AbortSignal,
      URLSearchParams,
      setTimeout,
      clearTimeout,
    });
    vm.runInContext(code, page);
    page['baseUrl'] = server.url();
    const health = await vm.runInContext('new Engram.EngramClient({ baseUrl }).getHealth()', page);
    expect(JSON.parse(JSON.stringify(health))).toEqual({ status: 'ok' });
    expect(code).not.toMatch(/require\(|node:|process\.env/);
  });
});
