import { describe, expect, it } from 'vitest';
import { sessionStrength } from '../../../src/domain/session-strength.js';

describe('sessionStrength', () => {
  it('ranks a session with several matching turns above one with a single better match', () => {
    const strength = sessionStrength(
      [
        { session: 'a', score: 0.5 },
        { session: 'a', score: 0.4 },
        { session: 'a', score: 0.3 },
        { session: 'b', score: 0.6 },
      ],
      3,
    );
    expect(strength.get('a')).toBe(1);
    expect(strength.get('b')).toBeCloseTo(0.5);
  });

  it('counts only the best `top` turns of a session', () => {
    const strength = sessionStrength(
      [
        { session: 'a', score: 0.5 },
        { session: 'a', score: 0.5 },
        { session: 'a', score: 0.5 },
        { session: 'b', score: 0.5 },
        { session: 'b', score: 0.5 },
      ],
      2,
    );
    expect(strength.get('a')).toBe(1);
    expect(strength.get('b')).toBe(1);
  });

  it('gives every session 0 when sessions average fewer than two candidates', () => {
    const strength = sessionStrength(
      [
        { session: 'a', score: 0.5 },
        { session: 'a', score: 0.4 },
        { session: 'b', score: 0.6 },
        { session: 'c', score: 0.6 },
      ],
      3,
    );
    expect([...strength.values()]).toEqual([0, 0, 0]);
  });

  it('leaves out candidates without a session', () => {
    expect(sessionStrength([{ session: '', score: 0.9 }], 3).size).toBe(0);
  });
});
