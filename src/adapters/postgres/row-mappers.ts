import { getTableColumns } from 'drizzle-orm';
import type { Entity, EntityType } from '../../domain/entity.js';
import type { Memory } from '../../domain/memory.js';
import type { Relationship, RelationshipMetadata } from '../../domain/relationship.js';
import { type entities, memories, type relationships } from './schema.js';

/** Maps an `entities` row to the domain type. */
export function toEntity(row: typeof entities.$inferSelect): Entity {
  return { ...row, type: row.type as EntityType };
}

/** Maps a `relationships` row to the domain type. */
export function toRelationship(row: typeof relationships.$inferSelect): Relationship {
  const metadata = row.metadata as Partial<RelationshipMetadata>;
  return {
    ...row,
    metadata: {
      ...metadata,
      confidence: Number(metadata.confidence ?? 0),
      sentence: String(metadata.sentence ?? ''),
    },
  };
}

/** Maps a `memories` row to the domain type (the full-text column stays in the database). */
export function toMemory(
  row: Omit<typeof memories.$inferSelect, 'searchVector'> & { searchVector?: unknown },
): Memory {
  const { searchVector: _searchVector, searchable: _searchable, ...memory } = row;
  return memory;
}

const { searchVector: _searchVector, ...memoryColumnSet } = getTableColumns(memories);
/** The `memories` columns a Memory is made of: not the tsvector, which is as long as the text and only read by full-text search. */
export const memoryColumns = memoryColumnSet;
