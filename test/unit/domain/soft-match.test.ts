import { describe, expect, it } from 'vitest';
import { softMatch } from '../../../src/domain/soft-match.js';

const unit = (...values: number[]) => {
  const norm = Math.hypot(...values);
  return Float32Array.from(values.map((value) => value / norm));
};
const dog = unit(1, 0);
const puppy = unit(0.9, 0.3);
const market = unit(0, 1);

describe('softMatch', () => {
  it('counts an exact word as a full match', () => {
    const score = softMatch(
      [{ word: 'dog', weight: 2, vector: dog }],
      { words: new Set(['dog']), vectors: [dog] },
      0.5,
    );
    expect(score).toBe(1);
  });

  it('counts a close word partly and an unrelated word not at all', () => {
    const query = [{ word: 'dog', weight: 1, vector: dog }];
    const close = softMatch(query, { words: new Set(['puppy']), vectors: [puppy] }, 0.5);
    const far = softMatch(query, { words: new Set(['market']), vectors: [market] }, 0.5);
    expect(close).toBeGreaterThan(0.5);
    expect(close).toBeLessThan(1);
    expect(far).toBe(0);
  });

  it('weights query words, so a matched rare word outweighs a missed common one', () => {
    const query = [
      { word: 'dog', weight: 3, vector: dog },
      { word: 'the', weight: 0.1, vector: undefined },
    ];
    expect(softMatch(query, { words: new Set(['dog']), vectors: [dog] }, 0.5)).toBeCloseTo(3 / 3.1);
  });

  it('is 0 for a query without weighted words', () => {
    expect(
      softMatch(
        [{ word: 'the', weight: 0, vector: undefined }],
        { words: new Set(['the']), vectors: [] },
        0.5,
      ),
    ).toBe(0);
  });
});
