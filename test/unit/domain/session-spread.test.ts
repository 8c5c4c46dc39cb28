import { describe, expect, it } from 'vitest';
import { spreadSessions } from '../../../src/domain/session-spread.js';

const hits = [
  { id: 'a1', score: 0.9, session: 'a' },
  { id: 'a2', score: 0.85, session: 'a' },
  { id: 'a3', score: 0.8, session: 'a' },
  { id: 'b1', score: 0.6, session: 'b' },
];

describe('spreadSessions', () => {
  it('keeps the order when decay is 1', () => {
    expect(spreadSessions(hits, 1, 1).map((hit) => hit.id)).toEqual(['a1', 'a2', 'a3', 'b1']);
  });

  it('lets another session in before a session fills the top', () => {
    expect(spreadSessions(hits, 0.5, 1).map((hit) => hit.id)).toEqual(['a1', 'b1', 'a2', 'a3']);
  });

  it('leaves the first `free` hits of a session undiscounted', () => {
    expect(spreadSessions(hits, 0.5, 2).map((hit) => hit.id)).toEqual(['a1', 'a2', 'b1', 'a3']);
  });

  it('never discounts hits without a session, and scores never rise down the list', () => {
    const spread = spreadSessions(
      [
        { id: 'x', score: 0.5, session: '' },
        { id: 'y', score: 0.4, session: '' },
      ],
      0.1,
      0,
    );
    expect(spread.map((hit) => hit.score)).toEqual([0.5, 0.4]);
  });
});
