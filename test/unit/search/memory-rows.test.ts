import { describe, expect, it } from 'vitest';
import type { Memory, MemoryId } from '../../../src/domain/memory.js';
import { MemoryRows } from '../../../src/services/search/memory-rows.js';

function repository(existing: readonly MemoryId[]) {
  const asked: MemoryId[][] = [];
  return {
    asked,
    findMany: async (ids: readonly MemoryId[]) => {
      asked.push([...ids]);
      return ids.filter((id) => existing.includes(id)).map((id) => ({ id }) as Memory);
    },
  };
}

describe('MemoryRows', () => {
  it('reads each id once, and only the ids not read before', async () => {
    const memories = repository(['a', 'b', 'c']);
    const rows = new MemoryRows(memories);
    await rows.load(['a', 'b']);
    const second = await rows.load(['b', 'c']);
    expect(memories.asked).toEqual([['a', 'b'], ['c']]);
    expect(second.map((row) => row.id)).toEqual(['b', 'c']);
  });

  it('remembers ids that do not exist without asking again', async () => {
    const memories = repository(['a']);
    const rows = new MemoryRows(memories);
    expect(await rows.load(['a', 'gone'])).toHaveLength(1);
    expect(await rows.load(['gone'])).toEqual([]);
    expect(memories.asked).toHaveLength(1);
  });
});
