import { animalKindOf } from '../../domain/animal-kinds.js';
import { type EntityId, normalizeEntityName } from '../../domain/entity.js';
import { holdsAt } from '../../domain/fact-timeline.js';
import { GENDER_ATTRIBUTE, genderOfKinWord, type KinGender } from '../../domain/kin-gender.js';
import { possessedNouns, relationTypesOfNoun } from '../../domain/question-words.js';
import type { Scope } from '../../domain/scope.js';
import type { Graph, GraphRepository } from '../../ports/graph-repository.js';
import type { EntityExtraction } from '../graph/entity-extraction.js';

/** The stored entities a query is about. */
export interface QueryEntities {
  /** Entities the query names ("Sarah", "Stripe"). */
  readonly named: readonly EntityId[];
  /** The speaker's own entity when the query speaks in the first person ("my", "I"). */
  readonly speaker: readonly EntityId[];
  /** Whom the query's possessed nouns name ("my sister" → Ana); also in `named`. */
  readonly relatives: readonly EntityId[];
  /** True when the query names someone by a relation the graph does not know ("my dog", no dog). */
  readonly unknownRelative: boolean;
}

/** Loads an entity's one-hop neighbourhood (shared with the rest of one search). */
export type NeighbourhoodOf = (entityId: EntityId) => Promise<Graph>;

const FIRST_PERSON = /\b(i|me|my|mine|myself|we|us|our|ours)\b/i;

/** Resolves the names in a query to the scope's entities. */
export class QueryEntityResolver {
  readonly #extraction: EntityExtraction;
  readonly #graph: Pick<GraphRepository, 'findByName'>;

  constructor(extraction: EntityExtraction, graph: Pick<GraphRepository, 'findByName'>) {
    this.#extraction = extraction;
    this.#graph = graph;
  }

  /**
   * Named and speaker entities of a query, each resolved through canonical names and aliases;
   * "my sister", "our dog" name whoever the speaker is so related to at `asOf` ("my bird" only
   * the pets that are birds, when the graph knows their species).
   */
  async resolve(
    query: string,
    scope: Scope,
    asOf: Date,
    load: NeighbourhoodOf,
  ): Promise<QueryEntities> {
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
    const nouns = possessedNouns(query);
    const relatives = await relativesOf(speakerIds, nouns, asOf, load);
    return {
      named: [...new Set([...namedIds, ...relatives])],
      speaker: speakerIds,
      relatives,
      unknownRelative: relatives.length === 0 && nouns.length > 0,
    };
  }

  async #find(scope: Scope, names: ReadonlySet<string>): Promise<EntityId[]> {
    const found = await Promise.all([...names].map((name) => this.#graph.findByName(scope, name)));
    return [...new Set(found.flat().map((entity) => entity.id))];
  }
}

/** Who the speaker calls by these nouns: the other end of their relationships of those types. */
async function relativesOf(
  speakerIds: readonly EntityId[],
  nouns: readonly string[],
  asOf: Date,
  load: NeighbourhoodOf,
): Promise<EntityId[]> {
  const types = new Set(nouns.flatMap((noun) => relationTypesOfNoun(noun)));
  if (types.size === 0 || speakerIds.length === 0) return [];
  const graphs = await Promise.all(speakerIds.map(load));
  const speakers = new Set(speakerIds);
  const others = graphs
    .flatMap((graph) => graph.edges)
    .filter((edge) => types.has(edge.relationType) && holdsAt(edge, asOf))
    .map((edge) => (speakers.has(edge.sourceEntityId) ? edge.targetEntityId : edge.sourceEntityId));
  const kinds = new Set(nouns.flatMap((noun) => animalKindOf(noun) ?? []));
  const genders = new Set(nouns.flatMap((noun) => genderOfKinWord(noun) ?? []));
  if (kinds.size === 0 && genders.size === 0) return [...new Set(others)];
  const nodes = new Map(graphs.flatMap((graph) => graph.nodes).map((node) => [node.id, node]));
  // A pet whose species is unknown may be the one asked for; one of another species is not.
  // So for people: "my sister" is not the brother, whose gender the word "brother" gave.
  const fits = (id: EntityId) => {
    const attributes = nodes.get(id)?.attributes ?? {};
    const species = attributes['species'];
    const gender = attributes[GENDER_ATTRIBUTE];
    if (kinds.size > 0 && typeof species === 'string')
      return kinds.has(animalKindOf(species) ?? species);
    return genders.size === 0 || typeof gender !== 'string' || genders.has(gender as KinGender);
  };
  return [...new Set(others.filter(fits))];
}
