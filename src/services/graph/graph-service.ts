import type { EntityType } from '../../domain/entity.js';
import { EntityMergedError, NotFoundError } from '../../domain/errors.js';
import { holdsAt } from '../../domain/fact-timeline.js';
import type { Relationship } from '../../domain/relationship.js';
import type { Scope } from '../../domain/scope.js';
import type { EntityDetails, Graph, GraphRepository } from '../../ports/graph-repository.js';

/** Read side of the knowledge graph, always within one scope. */
export class GraphService {
  readonly #graph: GraphRepository;

  constructor(graph: GraphRepository) {
    this.#graph = graph;
  }

  /**
   * One entity with aliases and mention count; NotFoundError outside the scope, EntityMergedError
   * (naming the survivor) for a merged-away id.
   */
  async entity(id: string, scope: Scope): Promise<EntityDetails> {
    const entity = await this.#graph.findEntity(id, scope);
    if (!entity) throw new NotFoundError('entity', id);
    if (entity.mergedInto) throw new EntityMergedError(id, entity.mergedInto);
    return entity;
  }

  /** Entities by name prefix (canonical or alias) and type, most mentioned first. */
  async search(filter: {
    scope: Scope;
    name?: string;
    type?: EntityType;
    limit: number;
    offset: number;
  }): Promise<EntityDetails[]> {
    return this.#graph.searchEntities(filter);
  }

  /**
   * Relationships of an entity in both directions with the entities at both ends: current and
   * closed, or with `asOf` only those that held then.
   */
  async relationships(
    id: string,
    scope: Scope,
    asOf?: Date,
  ): Promise<{ entity: EntityDetails; relationships: Relationship[]; graph: Graph }> {
    const entity = await this.entity(id, scope);
    const all = await this.#graph.relationshipsOf(id);
    const relationships = asOf ? all.filter((edge) => holdsAt(edge, asOf)) : all;
    const graph = await this.#graph.neighbourhood(id, 1);
    return { entity, relationships, graph };
  }

  /** Nodes and edges within `depth` (1..3) hops. */
  async neighbourhood(id: string, scope: Scope, depth: number): Promise<Graph> {
    await this.entity(id, scope);
    return this.#graph.neighbourhood(id, depth);
  }
}
