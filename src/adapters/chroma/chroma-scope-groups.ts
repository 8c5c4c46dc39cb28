import type { Scope } from '../../domain/scope.js';

/**
 * Scopes written at once: a batch across many users is one request per scope (~18 ms each
 * whatever its size, measured), so they go in parallel rather than one after another.
 */
const SCOPES_IN_FLIGHT = 8;

/** Items grouped by (tenant, user, agent) scope, in first-seen order. */
export function groupByScope<T extends { readonly scope: Scope }>(
  items: readonly T[],
): { scope: Scope; items: T[] }[] {
  const groups = new Map<string, { scope: Scope; items: T[] }>();
  for (const item of items) {
    const key = `${item.scope.tenant}\u0000${item.scope.userId}\u0000${item.scope.agentId}`;
    const group = groups.get(key);
    if (group) group.items.push(item);
    else groups.set(key, { scope: item.scope, items: [item] });
  }
  return [...groups.values()];
}

/** Runs `work` on every item, at most SCOPES_IN_FLIGHT at a time; fails with the first failure. */
export async function eachConcurrently<T>(items: readonly T[], work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(SCOPES_IN_FLIGHT, items.length) }, worker));
}
