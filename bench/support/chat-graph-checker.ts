import { type Entity, normalizeEntityName } from '../../src/domain/entity.js';
import type { Relationship } from '../../src/domain/relationship.js';
import type { Scope } from '../../src/domain/scope.js';
import type { GraphRepository } from '../../src/ports/graph-repository.js';
import type { ChatGraphCheck, ChatParty } from '../chat/chat-script.js';

type GraphReader = Pick<GraphRepository, 'findByName' | 'relationshipsOf' | 'searchEntities'>;
type EdgeCheck = Exclude<ChatGraphCheck, { kind: 'one_node' | 'no_entity' }>;

/** The outcome of one graph check: whether it passed, and what the graph holds instead. */
export interface ChatCheckOutcome {
  readonly passed: boolean;
  readonly check: string;
  readonly found: string;
}

/** Runs chat graph checks against one user's stored graph. */
export class ChatGraphChecker {
  readonly #graph: GraphReader;
  readonly #scope: Scope;
  readonly #names = new Map<string, string>();

  constructor(graph: GraphReader, scope: Scope) {
    this.#graph = graph;
    this.#scope = scope;
  }

  /** Runs one check. */
  async run(check: ChatGraphCheck): Promise<ChatCheckOutcome> {
    if (check.kind === 'one_node') return this.#oneNode(check.names);
    if (check.kind === 'no_entity') return this.#noEntity(check.type, check.names);
    return this.#edges(check);
  }

  async #edges(check: EdgeCheck): Promise<ChatCheckOutcome> {
    const described = `${partyName(check.subject)} ${check.types[0]} ${partyName(check.object)} (${check.kind}${check.current ? ', holding now' : ''})`;
    const [subjects, objects] = await Promise.all([
      this.#resolve(check.subject),
      this.#resolve(check.object),
    ]);
    const missing = [
      subjects.length === 0 ? check.subject : undefined,
      objects.length === 0 ? check.object : undefined,
    ]
      .filter((party): party is ChatParty => party !== undefined)
      .map((party) => `no entity ${partyName(party)}`);
    if (missing.length > 0)
      return {
        passed: check.kind === 'not_current' || check.kind === 'never',
        check: described,
        found: missing.join('; '),
      };
    const subjectIds = new Set(subjects.map((entity) => entity.id));
    const edges = await this.#between(subjectIds, new Set(objects.map((entity) => entity.id)));
    const { passed, reversed } = judge(check, edges, subjectIds);
    const found =
      edges.length === 0
        ? 'no edge between them'
        : edges
            .map((edge) => `${this.#edgeText(edge)}${reversed.includes(edge) ? ' [reversed]' : ''}`)
            .join('; ');
    return { passed, check: described, found };
  }

  /** Every relationship, current or closed, between a subject and an object, in either direction. */
  async #between(
    subjectIds: ReadonlySet<string>,
    objectIds: ReadonlySet<string>,
  ): Promise<Relationship[]> {
    const touching = await Promise.all(
      [...subjectIds].map((id) => this.#graph.relationshipsOf(id)),
    );
    const between = touching
      .flat()
      .filter(
        (edge) =>
          (subjectIds.has(edge.sourceEntityId) && objectIds.has(edge.targetEntityId)) ||
          (objectIds.has(edge.sourceEntityId) && subjectIds.has(edge.targetEntityId)),
      );
    return [...new Map(between.map((edge) => [edge.id, edge])).values()];
  }

  async #oneNode(names: readonly string[]): Promise<ChatCheckOutcome> {
    const [speaker] = await this.#resolve('speaker');
    const others = new Map<string, Entity>();
    for (const name of names) {
      const key = normalizeEntityName(name, 'PERSON');
      const candidates = await this.#graph.searchEntities({
        scope: this.#scope,
        type: 'PERSON',
        name,
        limit: 100,
        offset: 0,
      });
      const exact = await this.#graph.findByName(this.#scope, key, 'PERSON');
      for (const entity of [...candidates, ...exact]) {
        const sameName =
          entity.normalizedName === key || entity.normalizedName.startsWith(`${key} `);
        if (sameName && entity.id !== speaker?.id) others.set(entity.id, entity);
      }
    }
    const found =
      others.size === 0
        ? `only the speaker entity${speaker ? '' : ' (absent)'}`
        : `separate PERSON: ${[...others.values()].map((entity) => entity.text).join(', ')}`;
    return {
      passed: others.size === 0,
      check: `one PERSON for the speaker (${names.join(', ')})`,
      found,
    };
  }

  async #noEntity(type: Entity['type'], names: readonly string[]): Promise<ChatCheckOutcome> {
    const lookups = names.map((name) =>
      this.#graph.findByName(this.#scope, normalizeEntityName(name, type), type),
    );
    const found = (await Promise.all(lookups)).flat();
    return {
      passed: found.length === 0,
      check: `no ${type} ${names.map((name) => `"${name}"`).join(' or ')}`,
      found:
        found.length === 0
          ? 'none'
          : found.map((entity) => `${entity.type} ${entity.text}`).join(', '),
    };
  }

  /** The entities a party names: the speaker's own entity, or every entity with one of the names. */
  async #resolve(party: ChatParty): Promise<Entity[]> {
    const lookups =
      party === 'speaker'
        ? [this.#graph.findByName(this.#scope, normalizeEntityName(this.#scope.userId), 'PERSON')]
        : party.names.map((name) => this.#graph.findByName(this.#scope, normalizeEntityName(name)));
    const entities = [
      ...new Map((await Promise.all(lookups)).flat().map((entity) => [entity.id, entity])).values(),
    ];
    for (const entity of entities)
      this.#names.set(entity.id, party === 'speaker' ? 'speaker' : entity.text);
    return entities;
  }

  #edgeText(edge: Relationship): string {
    const name = (id: string) => this.#names.get(id) ?? id;
    const state =
      edge.validTo === null ? 'current' : `closed ${edge.validTo.toISOString().slice(0, 10)}`;
    return `${name(edge.sourceEntityId)} ${edge.relationType} ${name(edge.targetEntityId)} (${state})`;
  }
}

/** Whether the edges between subject and object pass the check, and which of them say the reverse. */
function judge(
  check: EdgeCheck,
  edges: readonly Relationship[],
  subjectIds: ReadonlySet<string>,
): { passed: boolean; reversed: Relationship[] } {
  const inverse = check.inverse ?? [];
  const forward = (edge: Relationship) => subjectIds.has(edge.sourceEntityId);
  const says = edges.filter((edge) =>
    (forward(edge) ? check.types : inverse).includes(edge.relationType),
  );
  const reversed = edges.filter(
    (edge) =>
      !says.includes(edge) && (forward(edge) ? inverse : check.types).includes(edge.relationType),
  );
  const holding = says.some((edge) => edge.validTo === null);
  const passed = {
    current: holding,
    closed: says.length > 0 && !holding,
    not_current: !holding,
    never: says.length === 0,
    direction: (check.current ? holding : says.length > 0) && reversed.length === 0,
  }[check.kind];
  return { passed, reversed };
}

function partyName(party: ChatParty): string {
  return party === 'speaker' ? 'speaker' : (party.names[0] ?? '?');
}
