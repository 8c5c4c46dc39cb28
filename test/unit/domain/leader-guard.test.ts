import { describe, expect, it } from 'vitest';
import { keepLeaders } from '../../../src/domain/leader-guard.js';

const ranked = [
  { id: 'a', score: 0.9 },
  { id: 'b', score: 0.8 },
  { id: 'c', score: 0.7 },
  { id: 'd', score: 0.6 },
  { id: 'e', score: 0.5 },
];

describe('keepLeaders', () => {
  it('keeps the order when the leaders are already within reach', () => {
    expect(keepLeaders(ranked, ['b', 'a'], 3).map((hit) => hit.id)).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
    ]);
  });

  it('moves a leader the reranker pushed down to the last place its guarantee allows', () => {
    expect(keepLeaders(ranked, ['e'], 3).map((hit) => hit.id)).toEqual(['a', 'b', 'e', 'c', 'd']);
  });

  it('guards at most `within` leaders', () => {
    const ids = keepLeaders(ranked, ['e', 'd', 'c'], 2).map((hit) => hit.id);
    expect(ids.slice(0, 2).sort()).toEqual(['d', 'e']);
  });

  it('never lets scores rise down the list', () => {
    const scores = keepLeaders(ranked, ['e'], 2).map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((left, right) => right - left));
    expect(scores.slice(0, 3)).toEqual([0.9, 0.8, 0.8]);
  });

  it('ignores leaders that are not ranked, and within 0', () => {
    expect(keepLeaders(ranked, ['x'], 2)).toEqual(ranked);
    expect(keepLeaders(ranked, ['e'], 0)).toEqual(ranked);
  });
});
