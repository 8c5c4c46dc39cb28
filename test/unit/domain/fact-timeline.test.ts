import { describe, expect, it } from 'vitest';
import {
  endedBy,
  holdsAt,
  predecessorOf,
  successorOf,
  type TimedEdge,
} from '../../../src/domain/fact-timeline.js';

function edge(id: string, target: string, from: string, to: string | null): TimedEdge {
  return {
    id,
    sourceEntityId: 'sam',
    targetEntityId: target,
    relationType: 'works_for',
    validFrom: new Date(from),
    validTo: to ? new Date(to) : null,
  };
}

const microsoft = edge('m', 'microsoft', '2020-01-01Z', '2025-06-01Z');
const stripe = edge('s', 'stripe', '2025-06-01Z', null);
const timeline = [microsoft, stripe];

describe('fact timeline', () => {
  it('says which value held at a time', () => {
    expect(holdsAt(microsoft, new Date('2024-01-01Z'))).toBe(true);
    expect(holdsAt(microsoft, new Date('2025-06-01Z'))).toBe(false);
    expect(holdsAt(stripe, new Date('2025-06-01Z'))).toBe(true);
    expect(holdsAt(stripe, new Date('2019-01-01Z'))).toBe(false);
  });

  it('says whether a value had ended by a time', () => {
    expect(endedBy(microsoft, new Date('2025-06-01Z'))).toBe(true);
    expect(endedBy(microsoft, new Date('2025-05-31Z'))).toBe(false);
    expect(endedBy(stripe, new Date('2030-01-01Z'))).toBe(false);
  });

  it('links a closed value to the one that replaced it, and back', () => {
    expect(successorOf(microsoft, timeline)?.id).toBe('s');
    expect(successorOf(stripe, timeline)).toBeUndefined();
    expect(predecessorOf(stripe, timeline)?.id).toBe('m');
    expect(predecessorOf(microsoft, timeline)).toBeUndefined();
  });

  it('does not link values of another source', () => {
    const other = { ...stripe, id: 'o', sourceEntityId: 'ana' };
    expect(successorOf(microsoft, [microsoft, other])).toBeUndefined();
  });
});
