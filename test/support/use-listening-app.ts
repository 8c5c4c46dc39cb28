import type { AddressInfo } from 'node:net';
import { beforeAll } from 'vitest';
import type { TestApp, TestAppOptions } from './test-app.js';
import { useTestApp } from './use-test-app.js';

/** A test file's app (see useTestApp) listening on an ephemeral port of 127.0.0.1. */
export interface ListeningTestApp {
  readonly testApp: TestApp;
  /** `http://127.0.0.1:PORT`, once beforeAll has run. */
  url(): string;
}

/**
 * useTestApp, plus a real HTTP listener for clients that speak HTTP (the client, MCP). Pass
 * `existing` (a useTestApp of the same file) to listen on that app, e.g. after adding hooks to it.
 */
export function useListeningApp(
  options: Partial<TestAppOptions> = {},
  existing?: TestApp,
): ListeningTestApp {
  const testApp = existing ?? useTestApp(options);
  let url: string | undefined;
  beforeAll(async () => {
    await testApp.app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(testApp.app.server.address() as AddressInfo).port}`;
  });
  return {
    testApp,
    url: () => {
      if (!url) throw new Error('the app is not listening yet');
      return url;
    },
  };
}
