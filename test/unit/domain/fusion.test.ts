import { describe, expect, it } from 'vitest';
import {
  answerFirst,
  expandWithNeighbours,
  fuseScores,
  preferSuccessors,
  saturate,
} from '../../../src/domain/fusion.js';

describe('fuseScores', () => {
  it('averages channel relevances by weight, counting a miss as 0', () => {
    const fused = fuseScores([
      {
        name: 'vector',
        weight: 1,
        hits: [
          { id: 'a', relevance: 0.8 },
          { id: 'b', relevance: 0.4 },
        ],
      },
      { name: 'text', weight: 3, hits: [{ id: 'b', relevance: 1 }] },
    ]);
    expect(fused.map((hit) => hit.id)).toEqual(['b', 'a']);
    expect(fused[0]?.score).toBeCloseTo((0.4 + 3) / 4);
    expect(fused[1]?.score).toBeCloseTo(0.8 / 4);
  });

  it('clamps relevances into [0,1] so a score never leaves [0,1]', () => {
    const fused = fuseScores([
      {
        name: 'vector',
        weight: 1,
        hits: [
          { id: 'a', relevance: 1.7 },
          { id: 'b', relevance: -0.3 },
        ],
      },
    ]);
    expect(fused).toEqual([
      { id: 'a', score: 1 },
      { id: 'b', score: 0 },
    ]);
  });

  it('returns nothing when every weight is zero', () => {
    expect(fuseScores([{ name: 'vector', weight: 0, hits: [{ id: 'a', relevance: 1 }] }])).toEqual(
      [],
    );
  });
});

describe('expandWithNeighbours', () => {
  const hits = [
    { id: 'hit', score: 0.8 },
    { id: 'weak', score: 0.1 },
  ];
  const neighbours = new Map([
    [
      'hit',
      [
        { id: 'next', distance: 1 },
        { id: 'after-next', distance: 2 },
        { id: 'weak', distance: 1 },
      ],
    ],
  ]);

  it('scores a neighbour at factor × decay^(distance-1) × the hit', () => {
    const expanded = expandWithNeighbours(hits, neighbours, { top: 1, factor: 0.5, decay: 0.5 });
    const score = Object.fromEntries(expanded.map((hit) => [hit.id, hit.score]));
    expect(score['next']).toBeCloseTo(0.4);
    expect(score['after-next']).toBeCloseTo(0.2);
  });

  it('raises a weaker hit that neighbours a strong one but never lowers a score', () => {
    const expanded = expandWithNeighbours(hits, neighbours, { top: 1, factor: 0.5, decay: 1 });
    expect(expanded.find((hit) => hit.id === 'weak')?.score).toBeCloseTo(0.4);
    expect(expanded[0]).toEqual({ id: 'hit', score: 0.8 });
  });

  it('only expands the top hits', () => {
    const expanded = expandWithNeighbours(hits, new Map([['weak', [{ id: 'x', distance: 1 }]]]), {
      top: 1,
      factor: 1,
      decay: 1,
    });
    expect(expanded.map((hit) => hit.id)).toEqual(['hit', 'weak']);
  });
});

it('saturate maps BM25 into [0,1)', () => {
  expect(saturate(0, 5)).toBe(0);
  expect(saturate(5, 5)).toBe(0.5);
  expect(saturate(1e9, 5)).toBeLessThan(1);
});

describe('preferSuccessors', () => {
  it('ranks the memory of the newer value above the superseded one, even when it was not a hit', () => {
    const ranked = preferSuccessors(
      [
        { id: 'old-job', score: 0.9 },
        { id: 'pizza', score: 0.5 },
      ],
      new Map([['old-job', 'new-job']]),
      0.5,
    );
    expect(ranked.map((hit) => hit.id)).toEqual(['new-job', 'pizza', 'old-job']);
    expect(ranked[0]?.score).toBe(0.9);
    expect(ranked[2]?.score).toBeCloseTo(0.45);
  });

  it('keeps a successor that already scored higher at its own score', () => {
    const ranked = preferSuccessors(
      [
        { id: 'new-job', score: 0.95 },
        { id: 'old-job', score: 0.9 },
      ],
      new Map([['old-job', 'new-job']]),
      0.5,
    );
    expect(ranked).toEqual([
      { id: 'new-job', score: 0.95 },
      { id: 'old-job', score: 0.45 },
    ]);
  });

  it('leaves hits that nothing superseded alone', () => {
    const hits = [
      { id: 'a', score: 0.7 },
      { id: 'b', score: 0.6 },
    ];
    expect(preferSuccessors(hits, new Map(), 0.5)).toEqual(hits);
  });
});

describe('answerFirst', () => {
  it('puts the memories that assert the asked value first, in order', () => {
    const ranked = answerFirst(
      [
        { id: 'lives-near-work', score: 0.4 },
        { id: 'other', score: 0.2 },
      ],
      ['moved-to-denver'],
    );
    expect(ranked.map((hit) => hit.id)).toEqual(['moved-to-denver', 'lives-near-work', 'other']);
  });

  it('changes nothing without answers', () => {
    const hits = [{ id: 'a', score: 0.3 }];
    expect(answerFirst(hits, [])).toEqual(hits);
  });
});
