import type { EntityId } from './entity.js';
import type { MemoryId } from './memory.js';

export type RelationshipId = string;

export interface RelationshipMetadata {
  readonly confidence: number;
  readonly sentence: string;
  readonly [key: string]: unknown;
}

/** A typed, time-bounded edge between two entities. `validTo` null means current. */
export interface Relationship {
  readonly id: RelationshipId;
  readonly sourceEntityId: EntityId;
  readonly targetEntityId: EntityId;
  /** A `RelationLabel` (relation-type.ts) when extracted here; imported rows may hold any name. */
  readonly relationType: string;
  readonly metadata: RelationshipMetadata;
  /** The memory that first asserted it (null once that memory is gone). */
  readonly memoryId: MemoryId | null;
  readonly validFrom: Date;
  readonly validTo: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}
