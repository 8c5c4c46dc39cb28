import type { Entity } from './entity.js';
import type { Memory } from './memory.js';
import type { Relationship } from './relationship.js';
import type { Scope } from './scope.js';

/** A user/agent pair that holds memory, with how much. */
export interface ScopeSummary {
  readonly scope: Scope;
  readonly memories: number;
  readonly entities: number;
  readonly relationships: number;
  /** When its newest memory was written. */
  readonly lastMemoryAt: Date;
}

/** An entity as a graph node: how many memories mention it. */
export interface GraphNode {
  readonly entity: Entity;
  readonly mentionCount: number;
}

/** A scope's knowledge graph (or its best-mentioned part, when `truncated`). */
export interface ScopeGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly Relationship[];
  /** Entities in the scope (at `asOf`), of which `nodes` are the most mentioned. */
  readonly totalEntities: number;
  readonly truncated: boolean;
}

/** A memory that mentions an entity, with where it does (offsets in that memory's text). */
export interface EntityMentionIn {
  readonly memory: Memory;
  readonly spans: readonly { readonly start: number; readonly end: number }[];
}
