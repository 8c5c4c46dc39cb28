import { sql } from 'drizzle-orm';
import type { ArchiveRecord } from '../../domain/archive.js';
import type { Database } from './database.js';
import { outcome, type Written } from './pg-archive-outcome.js';

const mapped = (ids: Map<string, string>, id: string) => ids.get(id) ?? id;

/** Adds a memory history event unless one with the same memory, event and time is stored. */
export async function writeMemoryHistory(
  tx: Database,
  tenant: string,
  record: ArchiveRecord & { kind: 'memory_history' },
  ids: Map<string, string>,
): Promise<Written> {
  const memoryId = mapped(ids, record.memory_id);
  const at = new Date(record.created_at);
  const result = await tx.execute(sql`
    insert into memory_history (memory_id, tenant, user_id, agent_id, event, old_content, new_content, metadata, created_at)
    select ${memoryId}::uuid, ${tenant}, ${record.user_id}, ${record.agent_id}, ${record.event}, ${record.old_content}, ${record.new_content}, ${JSON.stringify(record.metadata)}::jsonb, ${at.toISOString()}::timestamptz
    where not exists (select 1 from memory_history where memory_id = ${memoryId}::uuid and tenant = ${tenant} and event = ${record.event} and created_at = ${at.toISOString()}::timestamptz)
    returning id`);
  return { outcome: outcome(rowsOf(result) > 0) };
}

/** Adds an entity history event unless one with the same entity, event and time is stored. */
export async function writeEntityHistory(
  tx: Database,
  tenant: string,
  record: ArchiveRecord & { kind: 'entity_history' },
  ids: Map<string, string>,
): Promise<Written> {
  const entityId = mapped(ids, record.entity_id);
  const at = new Date(record.created_at);
  const result = await tx.execute(sql`
    insert into entity_history (entity_id, tenant, user_id, agent_id, event, details, created_at)
    select ${entityId}::uuid, ${tenant}, ${record.user_id}, ${record.agent_id}, ${record.event}, ${JSON.stringify(record.details)}::jsonb, ${at.toISOString()}::timestamptz
    where not exists (select 1 from entity_history where entity_id = ${entityId}::uuid and tenant = ${tenant} and event = ${record.event} and created_at = ${at.toISOString()}::timestamptz)
    returning id`);
  return { outcome: outcome(rowsOf(result) > 0) };
}

function rowsOf(result: unknown): number {
  return ((result as { rows?: unknown[] }).rows ?? []).length;
}
