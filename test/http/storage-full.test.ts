import { expect, it } from 'vitest';
import { pgFailure } from '../../src/adapters/postgres/pg-failure.js';
import { PgStore } from '../../src/adapters/postgres/pg-store.js';
import { buildApp } from '../../src/http/build-app.js';
import { testEmbedder } from '../support/test-app.js';
import { testServices } from '../support/test-services.js';
import { useTestApp } from '../support/use-test-app.js';

let full = false;

// The real store, whose transactions fail as a driver on a full disk does while `full` is set.
class FullDiskStore extends PgStore {
  override async run<T>(work: Parameters<PgStore['run']>[0]): Promise<T> {
    if (full) {
      const error = Object.assign(new Error('ENOSPC: no space left on device, write'), {
        code: 'ENOSPC',
      });
      throw pgFailure(error, 'query');
    }
    return super.run(work) as Promise<T>;
  }
}

const t = useTestApp();

it('answers writes with 507 storage_full on a full disk, keeps /health up, and resumes', async () => {
  const store = new FullDiskStore(t.database.db);
  const services = testServices(t.database, {
    store,
    vectors: t.vectors,
    embedder: await testEmbedder(),
  });
  const app = await buildApp({ ...services, metrics: t.metrics });
  const add = (content: string) =>
    app.inject({ method: 'POST', url: '/memories', payload: { content, user_id: 'disk' } });
  full = true;
  const refused = await add('Written while the disk is full.');
  const health = await app.inject({ url: '/health' });
  full = false;
  const resumed = await add('Written once space returned.');
  await app.close();
  expect(refused.statusCode).toBe(507);
  expect(refused.json().code).toBe('storage_full');
  expect(health.statusCode).toBe(200);
  expect(resumed.statusCode).toBe(201);
});
