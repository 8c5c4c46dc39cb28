import { describe, expect, it } from 'vitest';
import { rerankScore } from '../../../src/domain/rerank-score.js';

const features = { first: 0.5, dense: 1, soft: 0, dated: 1, period: 0, session: 1 };

describe('rerankScore', () => {
  it('is the weighted mean of the features', () => {
    const weights = { first: 1, dense: 1, soft: 1, dated: 1, period: 0, session: 0 };
    expect(rerankScore(features, weights)).toBeCloseTo(2.5 / 4);
  });

  it('falls back to the first-stage score when every weight is 0', () => {
    expect(
      rerankScore(features, { first: 0, dense: 0, soft: 0, dated: 0, period: 0, session: 0 }),
    ).toBe(0.5);
  });

  it('counts the session strength by its weight', () => {
    const weights = { first: 1, dense: 0, soft: 0, dated: 0, period: 0, session: 1 };
    expect(rerankScore(features, weights)).toBeCloseTo(1.5 / 2);
  });

  it('never goes below 0 with a negative weight', () => {
    expect(
      rerankScore(
        { ...features, first: 0 },
        { first: 1, dense: -1, soft: 0, dated: 0, period: 0, session: 0 },
      ),
    ).toBe(0);
  });
});
