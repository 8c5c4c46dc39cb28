import { afterAll, beforeAll, inject } from 'vitest';
import type { Clock } from '../../src/ports/clock.js';
import { createTestApp, type TestApp, type TestAppOptions } from './test-app.js';

/**
 * A deterministic clock for tests: starts at `start` and moves 1 ms forward at every reading, so
 * rows written one after another keep their order and no test depends on the wall clock.
 */
export function testClock(start = new Date('2026-01-01T00:00:00Z')): Clock {
  let at = start.getTime();
  return {
    now: () => {
      at += 1;
      return new Date(at);
    },
  };
}

/**
 * The test app of one test file: created before its tests on the run's shared Chroma, with a
 * fixed clock unless `options.clock` says otherwise, and closed after them. Use its properties
 * inside tests and hooks (they exist once the app is created).
 */
export function useTestApp(options: Partial<TestAppOptions> = {}): TestApp {
  let created: TestApp | undefined;
  beforeAll(async () => {
    created = await createTestApp({
      chromaUrl: inject('chromaUrl'),
      clock: testClock(),
      ...options,
    });
  });
  afterAll(async () => {
    await created?.close();
  });
  return new Proxy({} as TestApp, {
    get: (_target, property) => {
      if (!created) throw new Error('the test app is used before beforeAll created it');
      return created[property as keyof TestApp];
    },
  });
}
