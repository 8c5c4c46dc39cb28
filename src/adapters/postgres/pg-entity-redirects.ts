import { inArray } from 'drizzle-orm';
import type { Entity, EntityId } from '../../domain/entity.js';
import type { Database } from './database.js';
import { toEntity } from './row-mappers.js';
import { entities } from './schema.js';

/**
 * The survivors of merged-away (or renamed-away) names among `rows`, by the merged row's id; no
 * query when none of them is merged. Merges keep `merged_into` one hop deep, so one lookup does.
 */
export async function survivorsOf(
  db: Database,
  rows: readonly { id: EntityId; mergedInto: EntityId | null }[],
): Promise<Map<EntityId, Entity>> {
  const merged = rows.filter((row) => row.mergedInto !== null);
  if (merged.length === 0) return new Map();
  const targets = [...new Set(merged.map((row) => row.mergedInto as EntityId))];
  const found = await db.select().from(entities).where(inArray(entities.id, targets));
  const byId = new Map(found.map((row) => [row.id, toEntity(row)]));
  const survivors = new Map<EntityId, Entity>();
  for (const row of merged) {
    const survivor = byId.get(row.mergedInto as EntityId);
    if (survivor) survivors.set(row.id, survivor);
  }
  return survivors;
}
