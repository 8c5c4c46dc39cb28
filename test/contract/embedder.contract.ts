import { beforeAll, describe, expect, it } from 'vitest';
import type { Embedder } from '../../src/ports/embedder.js';

const norm = (vector: readonly number[]) => Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0));

/** The behaviour every Embedder must have; `create` returns an embedder not yet initialised. */
export function embedderContract(name: string, create: () => Promise<Embedder> | Embedder) {
  describe(`Embedder contract: ${name}`, () => {
    let embedder: Embedder;

    beforeAll(async () => {
      embedder = await create();
      await embedder.init();
    });

    it('names its provider, model and dimension', () => {
      expect(embedder.identity.provider).not.toBe('');
      expect(embedder.identity.model).not.toBe('');
      expect(embedder.identity.dimensions).toBeGreaterThan(0);
    });

    it('returns one unit-length vector of the stated dimension per text, in order', async () => {
      const texts = ['I adopted a puppy', 'The market fell', 'I adopted a puppy'];
      const vectors = await embedder.embed(texts);
      expect(vectors).toHaveLength(3);
      for (const vector of vectors) {
        expect(vector).toHaveLength(embedder.identity.dimensions);
        expect(norm(vector)).toBeCloseTo(1, 3);
      }
      expect(vectors[2]).toEqual(vectors[0]);
      expect(vectors[1]).not.toEqual(vectors[0]);
    });

    it('returns nothing for no texts', async () => {
      expect(await embedder.embed([])).toEqual([]);
    });

    it('can be initialised twice', async () => {
      await embedder.init();
      expect(await embedder.embed(['again'])).toHaveLength(1);
    });
  });
}
