import { describe, expect, it } from 'vitest';
import { cosine, normalise, removeProjection, sifVector } from '../../../src/domain/sif-vector.js';

const VECTORS: Record<string, Float32Array> = {
  dog: Float32Array.from([1, 0, 0]),
  puppy: Float32Array.from([0.9, 0.1, 0]),
  market: Float32Array.from([0, 1, 0]),
  the: Float32Array.from([0, 0, 1]),
};
const vectorOf = (word: string) => VECTORS[word];

describe('sifVector', () => {
  it('weights words, so a heavy word decides the direction', () => {
    const vector = sifVector(['the', 'dog'], vectorOf, (word) => (word === 'the' ? 0.01 : 1));
    expect(vector && cosine(vector, VECTORS['dog'] as Float32Array)).toBeGreaterThan(0.99);
  });

  it('removes the common direction', () => {
    const common = Float64Array.from([0, 0, 1]);
    const vector = sifVector(['the', 'dog'], vectorOf, () => 1, common);
    expect(vector?.[2]).toBeCloseTo(0);
  });

  it('is undefined when no word is known', () => {
    expect(sifVector(['unknown'], vectorOf, () => 1)).toBeUndefined();
  });
});

describe('vector helpers', () => {
  it('cosine is 0 for a zero vector and 1 for the same direction', () => {
    expect(cosine([0, 0], [1, 0])).toBe(0);
    expect(cosine([2, 0], [1, 0])).toBeCloseTo(1);
  });

  it('normalise and removeProjection work in place', () => {
    const vector = Float64Array.from([3, 4]);
    removeProjection(vector, [1, 0]);
    expect([...vector]).toEqual([0, 4]);
    expect([...(normalise(vector) ?? [])]).toEqual([0, 1]);
    expect(normalise(new Float64Array(2))).toBeUndefined();
  });
});
