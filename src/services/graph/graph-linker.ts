import { type Entity, normalizeEntityName } from '../../domain/entity.js';
import type { EntityMention, Extraction } from '../../domain/extraction.js';
import type { MemoryId } from '../../domain/memory.js';
import { isSingleValued } from '../../domain/relation-type.js';
import type { Scope } from '../../domain/scope.js';
import type { GraphRepository, RelationshipInput } from '../../ports/graph-repository.js';
import type { MemoryContext } from './memory-context.js';
import { NameLookups } from './name-lookups.js';

/** Where a search unit (a chunk, or the whole memory) lies in its memory's text. */
export interface SearchUnitSpan {
  readonly memoryId: MemoryId;
  readonly start: number;
  readonly end: number;
}

export interface LinkInput {
  readonly scope: Scope;
  readonly text: string;
  readonly extraction: Extraction;
  readonly units: readonly SearchUnitSpan[];
  readonly validFrom: Date;
}

/**
 * Writes what an extraction found into the graph, inside the writer's transaction: resolves every
 * mention to its canonical entity (one per scope, type and normalised name), records aliases and
 * mentions on the search unit that contains them, and upserts relationships with their evidence.
 */
export class GraphLinker {
  /** Links many texts at once: entities, aliases and mentions in one statement each. */
  async link(graph: GraphRepository, inputs: readonly LinkInput[]): Promise<MemoryContext[]> {
    const named = inputs.flatMap((input, inputIndex) =>
      input.extraction.entities.flatMap((mention, mentionIndex) => {
        const text = canonicalName(mention, input.extraction.entities);
        return text ? [{ inputIndex, mentionIndex, input, mention, text }] : [];
      }),
    );
    const lookups = await NameLookups.load(
      graph,
      named.map((request) => ({ scope: request.input.scope, mention: request.mention })),
    );
    const requests = await Promise.all(
      named.map(async (request) => {
        const { scope } = request.input;
        const pet = lookups.knownPet(scope, request.mention);
        return {
          ...request,
          type: pet?.type ?? request.mention.type,
          text:
            pet?.text ??
            (await describedEntity(graph, scope, request.mention)) ??
            lookups.fullOrganisationName(scope, request.mention) ??
            request.text,
        };
      }),
    );
    const found = await graph.upsertEntities(
      requests.map((request) => ({
        scope: request.input.scope,
        type: request.type,
        text: request.text,
        ...(request.mention.attributes ? { attributes: request.mention.attributes } : {}),
      })),
    );
    const resolved = inputs.map(
      (input) => new Array<Entity | undefined>(input.extraction.entities.length),
    );
    requests.forEach((request, index) => {
      const row = resolved[request.inputIndex];
      if (row) row[request.mentionIndex] = found[index];
    });
    await graph.addAliases(
      requests.flatMap((request, index) => {
        const entity = found[index];
        if (!entity) return [];
        const written = request.mention.isSpeaker ? [] : [request.mention.text];
        const names = [...written, ...(request.mention.alias ? [request.mention.alias] : [])];
        return names
          .filter((name) => name !== entity.text)
          .map((alias) => ({ entityId: entity.id, alias }));
      }),
    );
    await graph.addMentions(
      dedupeMentions(inputs.flatMap((input, index) => mentionsOf(input, resolved[index] ?? []))),
    );
    // Every relation of the batch in one call, in the order one-by-one linking used.
    const asserted = inputs.map((input, index) => relationsOf(input, resolved[index] ?? []));
    const written = await graph.upsertRelationships(asserted.flat());
    let next = 0;
    return inputs.map((_input, index) => {
      const entities = resolved[index] ?? [];
      const count = asserted[index]?.length ?? 0;
      const relationships = written.slice(next, next + count);
      next += count;
      return {
        entities: uniqueById(entities.filter((entity): entity is Entity => entity !== undefined)),
        relationships,
      };
    });
  }
}

/** The relationships one text asserts, by relation type, each on the unit that holds its sentence. */
function relationsOf(
  input: LinkInput,
  resolved: ReadonlyArray<Entity | undefined>,
): RelationshipInput[] {
  const relations = [...input.extraction.relations].sort((a, b) => a.type.localeCompare(b.type));
  return relations.flatMap((relation) => {
    const source = resolved[relation.sourceIndex];
    const target = resolved[relation.targetIndex];
    if (!source || !target || source.id === target.id) return [];
    const sentenceStart = Math.max(0, input.text.indexOf(relation.sentence));
    const unit = unitAt(input.units, sentenceStart) ?? input.units[0];
    if (!unit) return [];
    return [
      {
        sourceEntityId: source.id,
        targetEntityId: target.id,
        relationType: relation.type,
        confidence: relation.confidence,
        sentence: relation.sentence,
        memoryId: unit.memoryId,
        validFrom: relation.validFrom ?? input.validFrom,
        ...(relation.validFrom && relation.validFrom < input.validFrom
          ? { saidAt: input.validFrom }
          : {}),
        singleValued: isSingleValued(relation.type),
        ...(relation.ends ? { ends: true } : {}),
      },
    ];
  });
}

/** Mentions of one text, each on the unit that holds it, with a span relative to that unit. */
function mentionsOf(input: LinkInput, resolved: ReadonlyArray<Entity | undefined>) {
  return input.extraction.entities.flatMap((mention, index) => {
    const entity = resolved[index];
    const unit = unitAt(input.units, mention.start);
    if (!entity || !unit) return [];
    const start = mention.start - unit.start;
    return [
      {
        memoryId: unit.memoryId,
        entityId: entity.id,
        mention: mention.text,
        start,
        end: start + (mention.end - mention.start),
        confidence: mention.confidence,
      },
    ];
  });
}

/** "sam's sister", "Karim's girlfriend": a mention that describes someone by a relation. */
const DESCRIPTION = /['’]s\s+\p{L}+$/u;

/**
 * The name of the one stored entity a description was recorded for ("my sister Ana" made
 * "sam's sister" an alias of Ana, so "my sister moved to Berlin" is about Ana); undefined when
 * none or several are.
 */
async function describedEntity(
  graph: GraphRepository,
  scope: Scope,
  mention: EntityMention,
): Promise<string | undefined> {
  if (mention.isSpeaker || !DESCRIPTION.test(mention.text)) return undefined;
  const normalized = normalizeEntityName(mention.text, mention.type);
  const found = await graph.findByName(scope, normalized, mention.type);
  const others = found.filter((entity) => entity.normalizedName !== normalized);
  return others.length === 1 ? others[0]?.text : undefined;
}

/** A lone surname resolves to the full name mentioned in the same text ("Tim Cook" … "Cook"). */
function canonicalName(mention: EntityMention, all: readonly EntityMention[]): string {
  if (mention.type !== 'PERSON' || mention.isSpeaker || /\s/.test(mention.text.trim()))
    return mention.text;
  const fuller = all.find(
    (other) =>
      other !== mention &&
      other.type === 'PERSON' &&
      !other.isSpeaker &&
      other.text.split(/\s+/).length > 1 &&
      other.text.split(/\s+/).some((part) => part.toLowerCase() === mention.text.toLowerCase()),
  );
  return fuller?.text ?? mention.text;
}

function unitAt(units: readonly SearchUnitSpan[], offset: number): SearchUnitSpan | undefined {
  return units.find((unit) => offset >= unit.start && offset < unit.end) ?? units.at(-1);
}

function dedupeMentions<T extends { memoryId: string; entityId: string; start: number }>(
  mentions: T[],
): T[] {
  const seen = new Set<string>();
  return mentions.filter((mention) => {
    const key = `${mention.memoryId}/${mention.entityId}/${mention.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function uniqueById<T extends { id: string }>(items: readonly T[]): T[] {
  return [...new Map(items.map((item) => [item.id, item])).values()];
}
