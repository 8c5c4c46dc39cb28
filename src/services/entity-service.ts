import { type Entity, normalizeEntityName } from '../domain/entity.js';
import type { EntityMention, Extraction } from '../domain/extraction.js';
import type { MemoryId } from '../domain/memory.js';
import { type Relationship, SINGLE_VALUED_RELATIONS } from '../domain/relationship.js';
import type { Scope } from '../domain/scope.js';
import type { EntityExtractor, ExtractionContext } from '../ports/entity-extractor.js';
import type { StoreRepositories } from '../ports/store.js';
import { NO_TELEMETRY, type Telemetry } from '../ports/telemetry.js';

/** A stretch of a memory's text stored as one row (a chunk, or the whole memory). */
export interface TextUnit {
  readonly memoryId: MemoryId;
  readonly start: number;
  readonly end: number;
}

export interface LinkInput {
  readonly scope: Scope;
  readonly text: string;
  readonly extraction: Extraction;
  readonly units: readonly TextUnit[];
  readonly validFrom: Date;
}

export interface Linked {
  readonly entities: readonly Entity[];
  readonly relationships: readonly Relationship[];
}

/** The spec's EntityService: extraction, resolution to canonical entities, and linking. */
export class EntityService {
  readonly #extractor: EntityExtractor;
  readonly #telemetry: Telemetry;

  constructor(extractor: EntityExtractor, telemetry: Telemetry = NO_TELEMETRY) {
    this.#extractor = extractor;
    this.#telemetry = telemetry;
  }

  /** The spec's `process_text`: entities and relationships found in a text. */
  async processText(text: string, context: ExtractionContext = {}): Promise<Extraction> {
    const started = performance.now();
    try {
      return await this.#extractor.extract(text, context);
    } finally {
      this.#telemetry.observe('entity_extraction', (performance.now() - started) / 1000);
    }
  }

  /**
   * Resolves every mention to its canonical entity (one per scope, type and normalised name),
   * records aliases and mentions on the unit that contains them, and upserts relationships with
   * their evidence. Runs inside the caller's transaction.
   */
  async link(repositories: StoreRepositories, input: LinkInput): Promise<Linked> {
    const { graph } = repositories;
    const resolved = await this.#resolveEntities(repositories, input);
    const mentions = input.extraction.entities.flatMap((mention, index) => {
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
    await graph.addMentions(dedupeMentions(mentions));
    const relationships: Relationship[] = [];
    const relations = [...input.extraction.relations].sort((a, b) => a.type.localeCompare(b.type));
    for (const relation of relations) {
      const source = resolved[relation.sourceIndex];
      const target = resolved[relation.targetIndex];
      if (!source || !target || source.id === target.id) continue;
      const sentenceStart = Math.max(0, input.text.indexOf(relation.sentence));
      const unit = unitAt(input.units, sentenceStart) ?? input.units[0];
      if (!unit) continue;
      relationships.push(
        await graph.upsertRelationship({
          sourceEntityId: source.id,
          targetEntityId: target.id,
          relationType: relation.type,
          confidence: relation.confidence,
          sentence: relation.sentence,
          memoryId: unit.memoryId,
          validFrom: input.validFrom,
          singleValued: SINGLE_VALUED_RELATIONS.has(relation.type),
        }),
      );
    }
    return {
      entities: uniqueById(resolved.filter((entity): entity is Entity => entity !== undefined)),
      relationships,
    };
  }

  async #resolveEntities(
    { graph }: StoreRepositories,
    input: LinkInput,
  ): Promise<Array<Entity | undefined>> {
    const mentions = input.extraction.entities;
    const canonicalText = mentions.map((mention) => canonicalName(mention, mentions));
    // Upsert in a stable order so concurrent writers take row locks in the same order.
    const order = mentions
      .map((mention, index) => ({
        index,
        key: `${mention.type}\u0000${normalizeEntityName(canonicalText[index] ?? '', mention.type)}`,
      }))
      .sort((a, b) => a.key.localeCompare(b.key));
    const byKey = new Map<string, Entity>();
    const resolved: Array<Entity | undefined> = [];
    for (const { index, key } of order) {
      const mention = mentions[index];
      const text = canonicalText[index];
      if (!mention || !text) continue;
      let entity = byKey.get(key);
      if (!entity) {
        entity = await graph.upsertEntity({ scope: input.scope, type: mention.type, text });
        byKey.set(key, entity);
      }
      if (!mention.isSpeaker && mention.text !== entity.text)
        await graph.addAlias(entity.id, mention.text);
      resolved[index] = entity;
    }
    return resolved;
  }
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

function unitAt(units: readonly TextUnit[], offset: number): TextUnit | undefined {
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
