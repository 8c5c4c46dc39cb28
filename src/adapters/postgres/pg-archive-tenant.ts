import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { InvalidInputError } from '../../domain/errors.js';
import { type Database, queryRows } from './database.js';
import { entities, memories } from './schema.js';

/**
 * The id an imported record is written under in `tenant`: its exported id, or a fresh one when
 * another tenant holds that id (ids stay unique across tenants; nothing links to the other row).
 */
export async function ownId(
  tx: Database,
  table: 'memories' | 'entities' | 'relationships',
  id: string,
  tenant: string,
): Promise<string> {
  const owner =
    table === 'relationships'
      ? sql`select e.tenant from relationships r join entities e on e.id = r.source_entity_id where r.id = ${id}::uuid`
      : sql`select tenant from ${sql.raw(table)} where id = ${id}::uuid`;
  const [row] = await queryRows<{ tenant: string }>(tx, owner);
  return row && row.tenant !== tenant ? randomUUID() : id;
}

/** The ids among `ids` that are memories (or entities) of `tenant`. */
export async function presentInTenant(
  tx: Database,
  table: 'memories' | 'entities',
  ids: readonly string[],
  tenant: string,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const columns = table === 'memories' ? memories : entities;
  const rows = await tx
    .select({ id: columns.id })
    .from(columns)
    .where(and(inArray(columns.id, [...new Set(ids)]), eq(columns.tenant, tenant)));
  return new Set(rows.map((row) => row.id));
}

/** Refuses a record that links to entities outside `tenant` (or to none at all). */
export async function requireEntitiesInTenant(
  tx: Database,
  ids: readonly string[],
  tenant: string,
): Promise<void> {
  const present = await presentInTenant(tx, 'entities', ids, tenant);
  const missing = ids.find((id) => !present.has(id));
  if (missing) throw new InvalidInputError(`entity ${missing} is not in this import or its tenant`);
}
