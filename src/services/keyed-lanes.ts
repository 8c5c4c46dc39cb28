/**
 * Runs `work` over `items` with up to `lanes` running at once. Items with the same key share a
 * lane and run one after another in input order, so their relative outcome is deterministic.
 */
export async function runInLanes<T>(
  items: readonly T[],
  lanes: number,
  keyOf: (item: T) => string,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const count = Math.max(1, Math.floor(lanes));
  const queues: T[][] = Array.from({ length: count }, () => []);
  for (const item of items) queues[laneOf(keyOf(item), count)]?.push(item);
  await Promise.all(
    queues.map(async (queue) => {
      for (const item of queue) await work(item);
    }),
  );
}

function laneOf(key: string, lanes: number): number {
  let hash = 2166136261;
  for (let index = 0; index < key.length; index += 1) {
    hash = Math.imul(hash ^ key.charCodeAt(index), 16777619) >>> 0;
  }
  return hash % lanes;
}
