import { and, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { MemoryFilter } from '../../ports/memory-repository.js';
import { memories } from './schema.js';

/** The SQL condition for a memory filter (scope always applies). */
export function memoryFilterSql(filter: MemoryFilter): SQL | undefined {
  return and(
    eq(memories.tenant, filter.scope.tenant),
    eq(memories.userId, filter.scope.userId),
    eq(memories.agentId, filter.scope.agentId),
    filter.sessionId !== undefined ? eq(memories.sessionId, filter.sessionId) : undefined,
    filter.memoryType ? eq(memories.memoryType, filter.memoryType) : undefined,
    filter.metadata && Object.keys(filter.metadata).length > 0
      ? sql`${memories.metadata} @> ${JSON.stringify(filter.metadata)}::jsonb`
      : undefined,
    filter.createdAfter ? gte(memories.createdAt, filter.createdAfter) : undefined,
    filter.createdBefore ? lt(memories.createdAt, filter.createdBefore) : undefined,
  );
}

/** Rows that are search units: chunks, and memories that have no chunks. */
export function isSearchUnitSql(): SQL {
  return sql`${memories.searchable}`;
}
