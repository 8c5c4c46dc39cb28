import { describe, expect, it } from 'vitest';
import { type QueryTerm, softMatch, termSimilarity } from '../../../src/domain/soft-match.js';

const unit = (...values: number[]) => {
  const norm = Math.hypot(...values);
  return Float32Array.from(values.map((value) => value / norm));
};
const VECTORS: Record<string, Float32Array> = {
  dog: unit(1, 0),
  puppy: unit(0.9, 0.3),
  market: unit(0, 1),
};
const vectorOf = (word: string) => VECTORS[word];
const match = (query: QueryTerm[], words: string[]) =>
  softMatch(query, new Set(words), termSimilarity(query, vectorOf), 0.5);

describe('softMatch', () => {
  it('counts an exact word as a full match', () => {
    expect(match([{ word: 'dog', weight: 2, vector: VECTORS['dog'] }], ['dog'])).toBe(1);
  });

  it('counts a close word partly and an unrelated word not at all', () => {
    const query = [{ word: 'dog', weight: 1, vector: VECTORS['dog'] }];
    const close = match(query, ['puppy']);
    expect(close).toBeGreaterThan(0.5);
    expect(close).toBeLessThan(1);
    expect(match(query, ['market'])).toBe(0);
  });

  it('weights query words, so a matched rare word outweighs a missed common one', () => {
    const query = [
      { word: 'dog', weight: 3, vector: VECTORS['dog'] },
      { word: 'the', weight: 0.1, vector: undefined },
    ];
    expect(match(query, ['dog'])).toBeCloseTo(3 / 3.1);
  });

  it('is 0 for a query without weighted words', () => {
    expect(match([{ word: 'the', weight: 0, vector: undefined }], ['the'])).toBe(0);
  });
});

describe('termSimilarity', () => {
  it('compares each word with the query terms once and gives 0 for unknown words', () => {
    const looked: string[] = [];
    const query = [{ word: 'dog', weight: 1, vector: VECTORS['dog'] }];
    const similarity = termSimilarity(query, (word) => {
      looked.push(word);
      return VECTORS[word];
    });
    expect(similarity(0, 'puppy')).toBeCloseTo(0.9 / Math.hypot(0.9, 0.3), 5);
    expect(similarity(0, 'puppy')).toBeCloseTo(0.9 / Math.hypot(0.9, 0.3), 5);
    expect(similarity(0, 'unknown')).toBe(0);
    expect(looked).toEqual(['puppy', 'unknown']);
  });
});
