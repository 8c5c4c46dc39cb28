import { type Entity, normalizeEntityName } from '../../domain/entity.js';
import type { EntityMention } from '../../domain/extraction.js';
import type { Scope } from '../../domain/scope.js';
import type { GraphRepository } from '../../ports/graph-repository.js';

// The words an institution's short name leaves off ("Mercy General" for "Mercy General Hospital").
const INSTITUTION_HEADS = new Set(
  `hospital university college school clinic bank inc corp corporation company co ltd llc group
  institute academy center centre medical elementary high`.split(/\s+/),
);

interface ScopeNames {
  readonly byName: Map<string, Entity[]>;
  readonly longer: Entity[];
}

/**
 * The stored entities a batch's mentions may stand for under another name: one-word PERSON
 * mentions that are a pet's name, and ORG names that are a stored organisation's short name.
 * Loaded for the whole batch in at most two statements per scope.
 */
export class NameLookups {
  readonly #scopes: Map<string, ScopeNames>;

  private constructor(scopes: Map<string, ScopeNames>) {
    this.#scopes = scopes;
  }

  static async load(
    graph: GraphRepository,
    requests: readonly { readonly scope: Scope; readonly mention: EntityMention }[],
  ): Promise<NameLookups> {
    const wanted = new Map<string, { scope: Scope; names: Set<string>; prefixes: Set<string> }>();
    for (const { scope, mention } of requests) {
      const pet = isPetCandidate(mention);
      if (!pet && mention.type !== 'ORG') continue;
      const key = scopeKey(scope);
      const entry = wanted.get(key) ?? { scope, names: new Set(), prefixes: new Set() };
      wanted.set(key, entry);
      const normalized = normalizeEntityName(mention.text, mention.type);
      entry.names.add(normalized);
      if (mention.type === 'ORG') entry.prefixes.add(normalized);
    }
    const scopes = new Map<string, ScopeNames>();
    for (const [key, { scope, names, prefixes }] of wanted) {
      const [exact, longer] = await Promise.all([
        graph.findByNames(scope, [...names]),
        graph.findByNameStarts(scope, [...prefixes], 'ORG'),
      ]);
      const byName = new Map<string, Entity[]>();
      for (const entity of exact)
        byName.set(entity.normalizedName, [...(byName.get(entity.normalizedName) ?? []), entity]);
      scopes.set(key, { byName, longer });
    }
    return new NameLookups(scopes);
  }

  /**
   * The pet a one-word name stands for when the text took it for a person ("Rufus is such a good
   * boy", "took Rufus to the vet, he's fine" after "our dog Rufus"): people talk about pets as
   * they do about people. Undefined when a person of that name is stored, or no single pet is.
   */
  knownPet(scope: Scope, mention: EntityMention): Entity | undefined {
    if (!isPetCandidate(mention)) return undefined;
    const named = this.#named(scope, normalizeEntityName(mention.text, 'PERSON'));
    if (named.some((entity) => entity.type === 'PERSON')) return undefined;
    const pets = named.filter((entity) => typeof entity.attributes['species'] === 'string');
    return pets.length === 1 ? pets[0] : undefined;
  }

  /**
   * The stored organisation a short name stands for: "Mercy General" after "Mercy General
   * Hospital", "Lincoln" after "Lincoln Elementary" — when exactly one stored name is this one plus
   * institutional head words. Undefined when the name is stored itself, or none or several match.
   */
  fullOrganisationName(scope: Scope, mention: EntityMention): string | undefined {
    if (mention.type !== 'ORG') return undefined;
    const normalized = normalizeEntityName(mention.text, mention.type);
    if (this.#named(scope, normalized).some((entity) => entity.type === 'ORG')) return undefined;
    const longer = (this.#scopes.get(scopeKey(scope))?.longer ?? []).filter(
      (entity) =>
        entity.normalizedName.startsWith(`${normalized} `) &&
        entity.normalizedName
          .slice(normalized.length + 1)
          .split(' ')
          .every((word) => INSTITUTION_HEADS.has(word)),
    );
    return longer.length === 1 ? longer[0]?.text : undefined;
  }

  #named(scope: Scope, normalized: string): Entity[] {
    return this.#scopes.get(scopeKey(scope))?.byName.get(normalized) ?? [];
  }
}

function isPetCandidate(mention: EntityMention): boolean {
  return mention.type === 'PERSON' && !mention.isSpeaker && !/\s/u.test(mention.text.trim());
}

function scopeKey(scope: Scope): string {
  return JSON.stringify([scope.tenant, scope.userId, scope.agentId]);
}
