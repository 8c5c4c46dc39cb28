import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { OutboxItem } from '../../ports/index-outbox.js';
import { type Database, queryRows } from './database.js';

/**
 * Queues, in the caller's transaction, the vector deletes of memories about to be removed (their
 * searchable rows and all their chunks); `ids` is a joined list of uuids. Returns the outbox items.
 */
export async function queueVectorDeletes(tx: Database, ids: SQL): Promise<OutboxItem[]> {
  const queued = await queryRows<{
    id: number;
    memory_id: string;
    tenant: string;
    user_id: string;
    agent_id: string;
  }>(
    tx,
    sql`insert into outbox (memory_id, tenant, user_id, agent_id, operation)
        select id, tenant, user_id, agent_id, 'delete' from memories
        where (id in (${ids}) and searchable) or parent_id in (${ids})
        returning id, memory_id, tenant, user_id, agent_id`,
  );
  return queued.map(
    (row): OutboxItem => ({
      id: Number(row.id),
      memoryId: row.memory_id,
      scope: { tenant: row.tenant, userId: row.user_id, agentId: row.agent_id },
      operation: 'delete',
      attempts: 0,
    }),
  );
}
