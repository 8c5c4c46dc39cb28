import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/adapters/postgres/database.js';
import { InMemoryVectorIndex } from '../../support/in-memory-vector-index.js';
import { testEmbedder } from '../../support/test-app.js';
import { createMigratedDatabase } from '../../support/test-databases.js';
import { testServices } from '../../support/test-services.js';

let database: DatabaseHandle;

beforeAll(async () => {
  database = await createMigratedDatabase('pglite');
});
afterAll(async () => {
  await database?.close();
});

async function rig() {
  const embedder = await testEmbedder();
  const vectors = new InMemoryVectorIndex();
  await vectors.init(embedder.identity);
  return { vectors, core: testServices(database, { vectors, embedder }) };
}

function itemsOver(users: number, prefix: string) {
  return Array.from({ length: users }, (_, index) => ({
    content: `I keep a red kayak in the garage, number ${index}.`,
    scope: { tenant: 'default', userId: `${prefix}${index}`, agentId: '' },
  }));
}

it('a batch across more scopes than the limit answers first and has every vector written after', async () => {
  const { vectors, core } = await rig();
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const upsert = vectors.upsert.bind(vectors);
  vectors.upsert = async (records) => {
    await gate;
    await upsert(records);
  };

  await core.writer.addMany(itemsOver(12, 'wide'));
  open();
  await core.index.stop();

  expect(await core.index.pending()).toBe(0);
  expect(await vectors.count()).toBe(12);
});

it('a batch within a few scopes has its vectors written before the write answers', async () => {
  const { vectors, core } = await rig();

  await core.writer.addMany(itemsOver(3, 'narrow'));

  expect(await vectors.count()).toBe(3);
  await core.index.stop();
});

it('a memory rewritten while a background pass embedded its old text keeps the new text’s vector', async () => {
  const { vectors, core } = await rig();
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  let calls = 0;
  const upsert = vectors.upsert.bind(vectors);
  // Only the background pass's first write waits: the rewrite's own write lands before it.
  vectors.upsert = async (records) => {
    calls += 1;
    if (calls === 1) await gate;
    await upsert(records);
  };
  const [first] = await core.writer.addMany(itemsOver(12, 'race'));
  const memory = first && !(first instanceof Error) ? first.memory : undefined;
  if (!memory) throw new Error('no memory written');
  const scope = { tenant: 'default', userId: 'race0', agentId: '' };
  const rewritten = 'My blue canoe now lives at the lake house.';
  await core.writer.update(memory.id, scope, { content: rewritten });
  open();
  await core.index.stop();

  const [embedding] = await (await testEmbedder()).embed([rewritten]);
  const [hit] = await vectors.query({ scope, embedding: embedding ?? [], topK: 1 });
  expect(hit?.id).toBe(memory.id);
  expect(hit?.distance).toBeLessThan(0.001);
});
