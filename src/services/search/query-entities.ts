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

const FIRST_PERSON = /\b(i|me|my|mine|myself|we|us|our|ours)\b/i;

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
    const named = new Set(
      extraction.entities
        .filter((mention) => !mention.isSpeaker)
        .map((mention) => normalizeEntityName(mention.text, mention.type)),
    );
    // The extractor keeps a pronoun only when it takes part in a relation; a question rarely does.
    const self =
      scope.userId && FIRST_PERSON.test(query) ? [normalizeEntityName(scope.userId)] : [];
    const [namedIds, speakerIds] = await Promise.all([
      this.#find(scope, named),
      this.#find(scope, new Set(self)),
    ]);
    return { named: namedIds, speaker: speakerIds };
  }

  async #find(scope: Scope, names: ReadonlySet<string>): Promise<EntityId[]> {
    const found = await Promise.all([...names].map((name) => this.#graph.findByName(scope, name)));
    return [...new Set(found.flat().map((entity) => entity.id))];
  }
}
