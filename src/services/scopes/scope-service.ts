import { NotFoundError } from '../../domain/errors.js';
import type { MemoryId } from '../../domain/memory.js';
import type { Scope } from '../../domain/scope.js';
import type { EntityMentionIn, ScopeGraph, ScopeSummary } from '../../domain/scope-summary.js';
import type { GraphRepository, Mention } from '../../ports/graph-repository.js';
import type { MemoryRepository } from '../../ports/memory-repository.js';
import type { ScopeCatalog } from '../../ports/scope-catalog.js';
import type { MemoryContext } from '../graph/memory-context.js';

export interface ScopeServiceDependencies {
  readonly catalog: ScopeCatalog;
  readonly graph: Pick<GraphRepository, 'findEntity' | 'mentionsOf' | 'relationshipsOfMemories'>;
  readonly memories: Pick<MemoryRepository, 'findById' | 'chunksOf'>;
}

/** A memory's mentions (offsets in the text of the row named by `memoryId`) and its graph. */
export interface MemoryGraph extends MemoryContext {
  readonly mentions: readonly Mention[];
}

/** Browsing reads for the dashboard: scopes, a scope's graph, who mentions what. */
export class ScopeService {
  readonly #deps: ScopeServiceDependencies;

  constructor(deps: ScopeServiceDependencies) {
    this.#deps = deps;
  }

  /** A tenant's scopes holding memories (only one user's when given), most recently written first. */
  async list(
    tenant: string,
    limit: number,
    offset: number,
    userId?: string,
  ): Promise<ScopeSummary[]> {
    return this.#deps.catalog.scopes(tenant, limit, offset, userId);
  }

  /** A scope's graph (its `limit` most mentioned entities), as it stood at `asOf` if given. */
  async graph(scope: Scope, limit: number, asOf?: Date): Promise<ScopeGraph> {
    return this.#deps.catalog.graph({ scope, limit, ...(asOf ? { asOf } : {}) });
  }

  /** Memories that mention an entity, newest first; NotFoundError outside the scope. */
  async mentionsOf(entityId: string, scope: Scope, limit: number): Promise<EntityMentionIn[]> {
    const entity = await this.#deps.graph.findEntity(entityId, scope);
    if (!entity) throw new NotFoundError('entity', entityId);
    return this.#deps.catalog.mentionsOf(entityId, limit);
  }

  /** The entities a memory (and its chunks) mentions, where, and its relationships. */
  async memoryGraph(id: MemoryId, scope: Scope): Promise<MemoryGraph> {
    const memory = await this.#deps.memories.findById(id, scope);
    if (!memory) throw new NotFoundError('memory', id);
    const chunks = memory.parentId ? [] : await this.#deps.memories.chunksOf(id);
    const ids = [id, ...chunks.map((chunk) => chunk.id)];
    const [mentions, edges] = await Promise.all([
      this.#deps.graph.mentionsOf(ids),
      this.#deps.graph.relationshipsOfMemories(ids),
    ]);
    return {
      entities: [
        ...new Map(mentions.map((mention) => [mention.entity.id, mention.entity])).values(),
      ],
      relationships: [
        ...new Map(edges.map(({ evidenceMemoryId: _memory, ...edge }) => [edge.id, edge])).values(),
      ],
      mentions: mentions.map(({ entity: _entity, ...mention }) => mention),
    };
  }
}
