import { expect, it } from 'vitest';
import { pgFailure } from '../../src/adapters/postgres/pg-failure.js';
import { PgSettingsRepository } from '../../src/adapters/postgres/pg-settings-repository.js';
import { PgStore } from '../../src/adapters/postgres/pg-store.js';
import { buildApp } from '../../src/http/build-app.js';
import { testEmbedder } from '../support/test-app.js';
import { testServices } from '../support/test-services.js';
import { useTestApp } from '../support/use-test-app.js';

let full = false;

/** The failure a driver raises on a full disk, translated as every database failure is. */
function noSpace() {
  const error = Object.assign(new Error('ENOSPC: no space left on device, write'), {
    code: 'ENOSPC',
  });
  return pgFailure(error, 'query');
}

// The real store, whose transactions fail as a driver on a full disk does while `full` is set.
class FullDiskStore extends PgStore {
  override async run<T>(work: Parameters<PgStore['run']>[0]): Promise<T> {
    if (full) throw noSpace();
    return super.run(work) as Promise<T>;
  }
}

// The real settings table, on the same full disk (the /ready probe writes one row there).
class FullDiskSettings extends PgSettingsRepository {
  override async set(key: string, value: Record<string, unknown>): Promise<void> {
    if (full) throw noSpace();
    return super.set(key, value);
  }
}

const t = useTestApp();

it('answers writes with 507 storage_full on a full disk, reports it on /ready, keeps /health up, and resumes', async () => {
  const store = new FullDiskStore(t.database.db);
  const services = testServices(t.database, {
    store,
    settings: new FullDiskSettings(t.database.db),
    vectors: t.vectors,
    embedder: await testEmbedder(),
  });
  const app = await buildApp({ ...services, metrics: t.metrics });
  const add = (content: string) =>
    app.inject({ method: 'POST', url: '/memories', payload: { content, user_id: 'disk' } });
  const storageCheck = async () => {
    const ready = await app.inject({ url: '/ready' });
    return { status: ready.statusCode, storage: ready.json().checks.storage };
  };
  const before = await storageCheck();
  full = true;
  const refused = await add('Written while the disk is full.');
  const health = await app.inject({ url: '/health' });
  const whileFull = await storageCheck();
  full = false;
  // Space is back: /ready finds out by itself (its probe write succeeds), before any client writes.
  const afterSpace = await storageCheck();
  const resumed = await add('Written once space returned.');
  await app.close();
  expect(before.storage).toEqual({ ok: true });
  expect(refused.statusCode).toBe(507);
  expect(refused.json().code).toBe('storage_full');
  expect(health.statusCode).toBe(200);
  expect(whileFull).toEqual({
    status: 503,
    storage: { ok: false, detail: { code: 'storage_full', since: expect.any(String) } },
  });
  expect(afterSpace.storage).toEqual({ ok: true });
  expect(resumed.statusCode).toBe(201);
});
