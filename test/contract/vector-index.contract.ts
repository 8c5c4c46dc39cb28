import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, InvalidInputError } from '../../src/domain/errors.js';
import type { MemoryType } from '../../src/domain/memory.js';
import { type Scope, scopeOf } from '../../src/domain/scope.js';
import type { EmbedderIdentity } from '../../src/ports/embedder.js';
import type { VectorIndex, VectorRecord } from '../../src/ports/vector-index.js';

/** Storage shared by every index `open()` returns, until `close()`. */
export interface VectorIndexStore {
  open(): VectorIndex;
  close(): Promise<void>;
}

const GLOVE: EmbedderIdentity = { provider: 'glove', model: 'test', dimensions: 4 };
const OTHER: EmbedderIdentity = { provider: 'http', model: 'other', dimensions: 4 };
const ALICE = scopeOf('alice');
const BOB = scopeOf('bob');
const ALICE_AGENT = scopeOf('alice', 'agent-1');

function record(
  id: string,
  embedding: number[],
  scope: Scope = ALICE,
  memoryType: MemoryType = 'ephemeral',
): VectorRecord {
  return { id, scope, memoryType, embedding };
}

/** The behaviour every VectorIndex adapter must have; one call per adapter test file. */
export function vectorIndexContract(name: string, createStore: () => Promise<VectorIndexStore>) {
  describe(`VectorIndex contract: ${name}`, () => {
    let store: VectorIndexStore;
    let index: VectorIndex;

    beforeEach(async () => {
      store = await createStore();
      index = store.open();
      await index.init(GLOVE);
    });

    afterEach(async () => {
      await store.close();
    });

    it('starts empty', async () => {
      expect(await index.count()).toBe(0);
      expect(await index.query({ embedding: [1, 0, 0, 0], scope: ALICE, topK: 5 })).toEqual([]);
    });

    it('returns the nearest vectors first with cosine distances', async () => {
      await index.upsert([
        record('same', [1, 0, 0, 0]),
        record('orthogonal', [0, 1, 0, 0]),
        record('opposite', [-1, 0, 0, 0]),
        record('close', [0.9, 0.1, 0, 0]),
      ]);
      const matches = await index.query({ embedding: [2, 0, 0, 0], scope: ALICE, topK: 4 });
      expect(matches.map((match) => match.id)).toEqual(['same', 'close', 'orthogonal', 'opposite']);
      expect(matches[0]?.distance).toBeCloseTo(0, 4);
      expect(matches[2]?.distance).toBeCloseTo(1, 4);
      expect(matches[3]?.distance).toBeCloseTo(2, 4);
    });

    it('returns at most topK matches', async () => {
      await index.upsert([1, 2, 3, 4, 5].map((n) => record(`m${n}`, [1, n, 0, 0])));
      expect(await index.query({ embedding: [1, 0, 0, 0], scope: ALICE, topK: 2 })).toHaveLength(2);
    });

    it('replaces a vector upserted again under the same id', async () => {
      await index.upsert([record('m1', [1, 0, 0, 0]), record('m2', [0, 0, 1, 0])]);
      await index.upsert([record('m1', [0, 1, 0, 0])]);
      expect(await index.count()).toBe(2);
      const [best] = await index.query({ embedding: [0, 1, 0, 0], scope: ALICE, topK: 1 });
      expect(best?.id).toBe('m1');
      expect(best?.distance).toBeCloseTo(0, 4);
    });

    it('keeps the last of duplicate ids within one upsert', async () => {
      await index.upsert([record('m1', [1, 0, 0, 0]), record('m1', [0, 0, 0, 1])]);
      expect(await index.count()).toBe(1);
      const [best] = await index.query({ embedding: [0, 0, 0, 1], scope: ALICE, topK: 1 });
      expect(best?.distance).toBeCloseTo(0, 4);
    });

    it('answers a query from its own user and agent scope only', async () => {
      await index.upsert([
        record('alice', [1, 0, 0, 0], ALICE),
        record('bob', [1, 0, 0, 0], BOB),
        record('alice-agent', [1, 0, 0, 0], ALICE_AGENT),
      ]);
      const ids = async (scope: Scope) =>
        (await index.query({ embedding: [1, 0, 0, 0], scope, topK: 10 })).map((m) => m.id);
      expect(await ids(ALICE)).toEqual(['alice']);
      expect(await ids(BOB)).toEqual(['bob']);
      expect(await ids(ALICE_AGENT)).toEqual(['alice-agent']);
      expect(await ids(scopeOf('carol'))).toEqual([]);
    });

    it('keeps the same user and agent of two tenants apart, for queries and deletes', async () => {
      const acmeAlice = scopeOf('alice', '', 'acme');
      await index.upsert([
        record('default-alice', [1, 0, 0, 0], ALICE),
        record('acme-alice', [1, 0, 0, 0], acmeAlice),
      ]);
      const ids = async (scope: Scope) =>
        (await index.query({ embedding: [1, 0, 0, 0], scope, topK: 10 })).map((m) => m.id);
      expect(await ids(ALICE)).toEqual(['default-alice']);
      expect(await ids(acmeAlice)).toEqual(['acme-alice']);
      expect(await ids(scopeOf('alice', '', 'globex'))).toEqual([]);
      await index.delete([{ id: 'default-alice', scope: acmeAlice }]);
      expect(await ids(ALICE)).toEqual(['default-alice']);
    });

    it('filters by memory type when asked', async () => {
      await index.upsert([
        record('e', [1, 0, 0, 0], ALICE, 'ephemeral'),
        record('m', [1, 0.1, 0, 0], ALICE, 'model_memory'),
      ]);
      const query = { embedding: [1, 0, 0, 0], scope: ALICE, topK: 10 };
      const typed = await index.query({ ...query, memoryType: 'model_memory' });
      expect(typed.map((m) => m.id)).toEqual(['m']);
      expect((await index.query(query)).map((m) => m.id)).toEqual(['e', 'm']);
    });

    it('deletes by key and ignores unknown ids and other scopes', async () => {
      await index.upsert([record('m1', [1, 0, 0, 0]), record('m2', [0, 1, 0, 0])]);
      await index.delete([
        { id: 'm1', scope: ALICE },
        { id: 'missing', scope: ALICE },
        { id: 'm2', scope: BOB },
        { id: 'm3', scope: scopeOf('nobody') },
      ]);
      expect(await index.count()).toBe(1);
      const matches = await index.query({ embedding: [1, 0, 0, 0], scope: ALICE, topK: 10 });
      expect(matches.map((m) => m.id)).toEqual(['m2']);
    });

    it('stores batches larger than one Chroma request', async () => {
      const records = Array.from({ length: 6000 }, (_, n) => record(`m${n}`, [1, n, n % 7, 1]));
      await index.upsert(records);
      expect(await index.count()).toBe(6000);
    });

    it('rejects a vector of the wrong dimension', async () => {
      await expect(index.upsert([record('m1', [1, 0, 0])])).rejects.toBeInstanceOf(
        InvalidInputError,
      );
    });

    it('keeps vectors for the next instance on the same storage', async () => {
      await index.upsert([record('m1', [1, 0, 0, 0])]);
      const reopened = store.open();
      await reopened.init(GLOVE);
      expect(await reopened.count()).toBe(1);
      const matches = await reopened.query({ embedding: [1, 0, 0, 0], scope: ALICE, topK: 1 });
      expect(matches.map((m) => m.id)).toEqual(['m1']);
    });

    it('refuses another embedder once vectors exist, naming engram reindex', async () => {
      await index.upsert([record('m1', [1, 0, 0, 0])]);
      const reopened = store.open();
      const failure = reopened.init(OTHER);
      await expect(failure).rejects.toBeInstanceOf(ConflictError);
      await expect(failure).rejects.toThrow(/engram reindex/);
    });

    it('refuses another dimension of the same model', async () => {
      await index.upsert([record('m1', [1, 0, 0, 0])]);
      const reopened = store.open();
      await expect(reopened.init({ ...GLOVE, dimensions: 8 })).rejects.toBeInstanceOf(
        ConflictError,
      );
    });

    it('adopts another embedder while the index is still empty', async () => {
      const reopened = store.open();
      await reopened.init(OTHER);
      await expect(store.open().init(OTHER)).resolves.toBeUndefined();
    });

    it('reset drops every vector and records the new embedder', async () => {
      await index.upsert([record('m1', [1, 0, 0, 0]), record('m2', [1, 0, 0, 0], BOB)]);
      await index.reset(OTHER);
      expect(await index.count()).toBe(0);
      await index.upsert([record('m3', [0, 1, 0, 0])]);
      const matches = await index.query({ embedding: [0, 1, 0, 0], scope: ALICE, topK: 10 });
      expect(matches.map((m) => m.id)).toEqual(['m3']);
      await expect(store.open().init(OTHER)).resolves.toBeUndefined();
      await expect(store.open().init(GLOVE)).rejects.toBeInstanceOf(ConflictError);
    });
  });
}
