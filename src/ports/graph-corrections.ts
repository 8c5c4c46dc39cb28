import type { EntityId, EntityType } from '../domain/entity.js';
import type { Scope } from '../domain/scope.js';

/** What a PATCH of an entity changes; absent fields stay as they are. */
export interface EntityChanges {
  /** The new canonical name; the old one stays as an alias and keeps resolving here. */
  readonly text?: string;
  readonly type?: EntityType;
  readonly addAliases?: readonly string[];
  readonly removeAliases?: readonly string[];
}

/** What a merge moved from the absorbed entity to the survivor. */
export interface MergeReport {
  readonly survivorId: EntityId;
  readonly absorbedId: EntityId;
  readonly mentionsMoved: number;
  readonly aliasesMoved: number;
  readonly relationshipsMoved: number;
  /** Duplicate edges and self-loops that the merge removed. */
  readonly relationshipsCollapsed: number;
  /** Current single-valued facts a later value of the survivor closed. */
  readonly relationshipsClosed: number;
}

/** What deleting an entity removed (its memories stay). */
export interface EntityDeletion {
  readonly entityId: EntityId;
  readonly mentionsRemoved: number;
  readonly relationshipsRemoved: number;
}

/** One correction of the graph, as `GET /entities/{id}/history` shows it. */
export interface EntityHistoryEvent {
  readonly id: number;
  readonly entityId: EntityId;
  readonly event: 'update' | 'merge' | 'merged_into' | 'delete';
  readonly details: Readonly<Record<string, unknown>>;
  readonly createdAt: Date;
}

/**
 * Hand corrections of the knowledge graph, each one transaction that also appends to the
 * entity history. Ids name live entities of `scope`; callers check that first.
 */
export interface GraphCorrections {
  /** Renames, retypes and edits aliases; ConflictError when the new name belongs to another entity. */
  update(id: EntityId, scope: Scope, changes: EntityChanges, at: Date): Promise<void>;
  /** Folds `absorbedId` into `survivorId`: mentions, aliases and edges move; the absorbed name redirects. */
  merge(survivorId: EntityId, absorbedId: EntityId, scope: Scope, at: Date): Promise<MergeReport>;
  /** Deletes an entity with its mentions, aliases and relationships; memories stay. */
  delete(id: EntityId, scope: Scope, at: Date): Promise<EntityDeletion>;
  /** Corrections recorded for an entity, oldest first. */
  history(id: EntityId): Promise<EntityHistoryEvent[]>;
}
