import { type EntityId, normalizeEntityName } from '../../domain/entity.js';
import type { Scope } from '../../domain/scope.js';
import type { GraphRepository } from '../../ports/graph-repository.js';
import type { EntityExtraction } from '../graph/entity-extraction.js';

/** The stored entities a query is about. */
export interface QueryEntities {
  /** Entities the query names ("Sarah", "Stripe"). */
  readonly named: readonly EntityId[];
  /** The speaker's own entity when the query speaks in the first person ("my", "I"). */
  readonly speaker: readonly EntityId[];
}

/** Resolves the names in a query to the scope's entities. */
export class QueryEntityResolver {
  readonly #extraction: EntityExtraction;
  readonly #graph: Pick<GraphRepository, 'findByName'>;

  constructor(extraction: EntityExtraction, graph: Pick<GraphRepository, 'findByName'>) {
    this.#extraction = extraction;
    this.#graph = graph;
  }

  /** Named and speaker entities of a query, each resolved through canonical names and aliases. */
  async resolve(query: string, scope: Scope): Promise<QueryEntities> {
    const extraction = await this.#extraction.extract(
      query,
      scope.userId ? { speaker: scope.userId } : {},
    );
    const names = (speaker: boolean) =>
      new Set(
        extraction.entities
          .filter((mention) => Boolean(mention.isSpeaker) === speaker)
          .map((mention) => normalizeEntityName(mention.text, mention.type)),
      );
    const [named, self] = await Promise.all([
      this.#find(scope, names(false)),
      this.#find(scope, names(true)),
    ]);
    return { named, speaker: self };
  }

  async #find(scope: Scope, names: ReadonlySet<string>): Promise<EntityId[]> {
    const found = await Promise.all([...names].map((name) => this.#graph.findByName(scope, name)));
    return [...new Set(found.flat().map((entity) => entity.id))];
  }
}
