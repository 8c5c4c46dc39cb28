import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { ChromaVectorIndex } from '../../src/adapters/chroma/chroma-vector-index.js';
import type { DatabaseHandle } from '../../src/adapters/postgres/database.js';
import { PgStore } from '../../src/adapters/postgres/pg-store.js';
import type { Extraction } from '../../src/domain/extraction.js';
import type { EntityExtractor } from '../../src/ports/entity-extractor.js';
import { testEmbedder } from '../support/test-app.js';
import { createMigratedDatabase } from '../support/test-databases.js';
import { testServices } from '../support/test-services.js';

const text = "Hi, I'm Sam Carter. Our dog Biscuit joined us last spring.";
/** What a chat extractor is expected to say about the text: the contract the linker writes. */
const extraction: Extraction = {
  entities: [
    {
      text: 'sam',
      type: 'PERSON',
      start: 4,
      end: 5,
      confidence: 0.9,
      isSpeaker: true,
      alias: 'Sam Carter',
    },
    {
      text: 'Biscuit',
      type: 'PERSON',
      start: 28,
      end: 35,
      confidence: 0.9,
      attributes: { species: 'dog' },
    },
  ],
  relations: [
    {
      sourceIndex: 0,
      targetIndex: 1,
      type: 'has_pet',
      confidence: 0.9,
      sentence: 'Our dog Biscuit joined us last spring.',
      validFrom: new Date('2025-04-01T00:00:00Z'),
    },
  ],
};
const fixed: EntityExtractor = { init: async () => {}, extract: async () => extraction };

const chromaUrl = inject('chromaUrl');
let database: DatabaseHandle;
let store: PgStore;
const scope = { tenant: 'default', userId: 'sam', agentId: '' };

beforeAll(async () => {
  database = await createMigratedDatabase('pglite');
  store = new PgStore(database.db);
  const embedder = await testEmbedder();
  const vectors = new ChromaVectorIndex({
    url: chromaUrl,
    collectionPrefix: `gl${randomBytes(3).toString('hex')}`,
  });
  await vectors.init(embedder.identity);
  const services = testServices(database, { store, vectors, embedder, extractor: fixed });
  await services.writer.add({ content: text, scope, createdAt: new Date('2025-10-01T00:00:00Z') });
});
afterAll(async () => {
  await database?.close();
});

it('records a self-introduction as another name of the speaker: one node', async () => {
  const [speaker, ...others] = await store.graph.findByName(scope, 'sam carter');
  expect(others).toEqual([]);
  expect(speaker?.text).toBe('sam');
});

it('merges what the text says about an entity into its attributes', async () => {
  const [biscuit] = await store.graph.findByName(scope, 'biscuit');
  expect(biscuit?.attributes).toEqual({ species: 'dog' });
});

it('dates a fact by the time the text gives, not by when it was said', async () => {
  const [speaker] = await store.graph.findByName(scope, 'sam');
  const [pet] = await store.graph.relationshipsOf(speaker?.id ?? '');
  expect(pet?.relationType).toBe('has_pet');
  expect(pet?.validFrom.toISOString()).toBe('2025-04-01T00:00:00.000Z');
});
