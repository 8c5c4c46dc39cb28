import { describe, expect, it } from 'vitest';
import type { MemoryId } from '../../../src/domain/memory.js';
import type { Neighbour } from '../../../src/ports/memory-repository.js';
import { LoadedNeighbours } from '../../../src/services/search/loaded-neighbours.js';

function repository() {
  const asked: { ids: MemoryId[]; radius: number }[] = [];
  return {
    asked,
    neighboursOf: async (ids: readonly MemoryId[], radius: number) => {
      asked.push({ ids: [...ids], radius });
      return new Map<MemoryId, Neighbour[]>(
        ids.map((id) => [id, [{ id: `${id}+1`, distance: 1 }]]),
      );
    },
  };
}

describe('LoadedNeighbours', () => {
  it('queries only the ids whose neighbours at that radius are not loaded yet', async () => {
    const memories = repository();
    const around = new LoadedNeighbours(memories);
    await around.of(['a', 'b'], 1);
    const second = await around.of(['b', 'c'], 1);
    expect(memories.asked).toEqual([
      { ids: ['a', 'b'], radius: 1 },
      { ids: ['c'], radius: 1 },
    ]);
    expect(second.get('b')?.map((near) => near.id)).toEqual(['b+1']);
  });

  it('loads again for another radius', async () => {
    const memories = repository();
    const around = new LoadedNeighbours(memories);
    await around.of(['a'], 1);
    await around.of(['a'], 2);
    expect(memories.asked.map((call) => call.radius)).toEqual([1, 2]);
  });
});
