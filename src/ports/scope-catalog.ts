import type { EntityId } from '../domain/entity.js';
import type { Scope } from '../domain/scope.js';
import type { EntityMentionIn, ScopeGraph, ScopeSummary } from '../domain/scope-summary.js';

export interface ScopeGraphQuery {
  readonly scope: Scope;
  /** The graph as it stood then: entities created and relationships started by then. */
  readonly asOf?: Date;
  /** Most nodes returned (the most mentioned first); edges only between returned nodes. */
  readonly limit: number;
}

/** Read models across a scope, for browsing: which scopes exist, a scope's whole graph. */
export interface ScopeCatalog {
  /** A tenant's scopes that hold memories (of one user, when given), most recently written first, with their counts (one query). */
  scopes(tenant: string, limit: number, offset: number, userId?: string): Promise<ScopeSummary[]>;
  /** A scope's entities and the relationships between them. */
  graph(query: ScopeGraphQuery): Promise<ScopeGraph>;
  /** Memories (search units) that mention an entity, newest first, with the mention spans. */
  mentionsOf(entityId: EntityId, limit: number): Promise<EntityMentionIn[]>;
}
