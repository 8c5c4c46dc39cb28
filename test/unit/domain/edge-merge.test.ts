import { describe, expect, it } from 'vitest';
import { planEdgeMerge } from '../../../src/domain/edge-merge.js';
import type { Relationship } from '../../../src/domain/relationship.js';

const at = (day: number) => new Date(Date.UTC(2025, 0, day));
function edge(
  id: string,
  source: string,
  type: string,
  target: string,
  from: number,
  to?: number,
): Relationship {
  return {
    id,
    sourceEntityId: source,
    targetEntityId: target,
    relationType: type,
    metadata: { confidence: 1, sentence: '' },
    memoryId: null,
    validFrom: at(from),
    validTo: to === undefined ? null : at(to),
    createdAt: at(from),
    updatedAt: at(from),
  };
}
const singleValued = (type: string) => type === 'lives_in';

describe('planEdgeMerge', () => {
  it('collapses a duplicate current fact into the survivor edge with the earliest start', () => {
    const plan = planEdgeMerge(
      'S',
      'A',
      [edge('s1', 'S', 'works_for', 'G', 5), edge('a1', 'A', 'works_for', 'G', 2)],
      singleValued,
    );
    expect(plan.deletes).toEqual(['a1']);
    expect(plan.evidence).toEqual([{ from: 'a1', to: 's1' }]);
    expect(plan.starts).toEqual([{ id: 's1', validFrom: at(2) }]);
    expect(plan.moves).toEqual([]);
  });

  it('moves edges in both directions and drops the edge between the two', () => {
    const plan = planEdgeMerge(
      'S',
      'A',
      [
        edge('out', 'A', 'knows', 'X', 1),
        edge('in', 'X', 'spouse_of', 'A', 1),
        edge('loop', 'S', 'knows', 'A', 1),
      ],
      singleValued,
    );
    expect(plan.deletes).toEqual(['loop']);
    expect(plan.moves).toEqual([
      { id: 'out', sourceEntityId: 'S', targetEntityId: 'X' },
      { id: 'in', sourceEntityId: 'X', targetEntityId: 'S' },
    ]);
  });

  it('keeps closed history apart from the current fact', () => {
    const plan = planEdgeMerge(
      'S',
      'A',
      [edge('old', 'A', 'works_for', 'G', 1, 3), edge('now', 'S', 'works_for', 'G', 5)],
      singleValued,
    );
    expect(plan.deletes).toEqual([]);
    expect(plan.moves.map((move) => move.id)).toEqual(['old']);
  });

  it('closes the older of two current single values at the later start', () => {
    const plan = planEdgeMerge(
      'S',
      'A',
      [edge('boston', 'A', 'lives_in', 'B', 1), edge('denver', 'S', 'lives_in', 'D', 4)],
      singleValued,
    );
    expect(plan.closes).toEqual([{ id: 'boston', validTo: at(4) }]);
  });
});
