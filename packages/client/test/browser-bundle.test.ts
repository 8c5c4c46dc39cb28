import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { useListeningApp } from '../../../test/support/use-listening-app.js';

const server = useListeningApp();
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
