import type { EntityMention, Extraction, RelationMention } from '../../domain/extraction.js';
import type {
  EarlierTurn,
  EntityExtractor,
  ExtractionContext,
} from '../../ports/entity-extractor.js';
import { type Antecedent, earlierPeople, pointsBack } from './earlier-people.js';
import { type Gazetteer, loadGazetteer } from './gazetteer.js';
import { findNames } from './name-finder.js';
import { findRelations, type GraphNode } from './relation-patterns.js';
import { markSelfIntroductions } from './self-introduction.js';
import { type Token, tokenize } from './tokenizer.js';
import { findValues } from './value-patterns.js';

export interface RulesEntityExtractorOptions {
  /** Mentions below this confidence are dropped (ENTITY_CONFIDENCE_THRESHOLD, default 0.5). */
  readonly confidenceThreshold?: number;
  /** Longest text analysed, in characters; the rest is ignored (default 100,000). */
  readonly maxTextLength?: number;
  /** Keep a title inside a person's span ("President Lincoln", CoNLL04's convention); default false. */
  readonly keepTitles?: boolean;
}

/**
 * Rules-based extractor: compromise's lexicon + npm gazetteers + heuristics + relation patterns.
 * `init()` builds the gazetteer (about half a second, once per process); `extract` calls it.
 */
export class RulesEntityExtractor implements EntityExtractor {
  readonly #threshold: number;
  readonly #maxTextLength: number;
  readonly #keepTitles: boolean;
  #gazetteer: Gazetteer | undefined;

  constructor(options: RulesEntityExtractorOptions = {}) {
    this.#threshold = options.confidenceThreshold ?? 0.5;
    this.#maxTextLength = options.maxTextLength ?? 100_000;
    this.#keepTitles = options.keepTitles ?? false;
  }

  /** Loads the word lists from npm packages; shared by every instance, idempotent. */
  async init(): Promise<void> {
    this.#gazetteer ??= await loadGazetteer();
  }

  /** Entities sorted by start (spans are `text.slice(start, end)`) and the relations between them. */
  async extract(text: string, context: ExtractionContext = {}): Promise<Extraction> {
    await this.init();
    return this.extractSync(text, context);
  }

  /** Relations between entities the caller has (gold spans, another NER); after `init()`. */
  extractRelations(
    text: string,
    entities: readonly EntityMention[],
    context: ExtractionContext = {},
  ): Extraction {
    const tokens = tokenize(text);
    const nodes: GraphNode[] = entities.flatMap((entity) => {
      const first = tokens.findIndex((token) => token.end > entity.start);
      let last = first;
      while ((tokens[last + 1]?.start ?? Infinity) < entity.end) last += 1;
      return first < 0
        ? []
        : [
            {
              type: entity.type,
              firstToken: first,
              lastToken: last,
              confidence: entity.confidence,
            },
          ];
    });
    nodes.sort((a, b) => a.firstToken - b.firstToken);
    const found = findRelations(text, tokens, nodes, this.#loaded(), context);
    return assemble(text, tokens, found.nodes, found.relations, this.#threshold);
  }

  /** Same as `extract`, synchronously (benchmarks and batch callers); after `init()`. */
  extractSync(text: string, context: ExtractionContext = {}): Extraction {
    const source = text.length > this.#maxTextLength ? text.slice(0, this.#maxTextLength) : text;
    const gazetteer = this.#loaded();
    const tokens = tokenize(source);
    const values = valueNodes(source, tokens);
    const blocked = new Set(values.flatMap((node) => tokenRange(node.firstToken, node.lastToken)));
    const nodes = [...values, ...findNames(tokens, blocked, gazetteer, this.#keepTitles)].filter(
      (node) => node.confidence >= this.#threshold,
    );
    nodes.sort((a, b) => a.firstToken - b.firstToken);
    const found = findRelations(source, tokens, nodes, gazetteer, {
      ...context,
      earlierPeople: this.#earlierPeople(source, context),
    });
    const extraction = assemble(source, tokens, found.nodes, found.relations, this.#threshold);
    return markSelfIntroductions(extraction, tokens, context.speaker);
  }

  /** Whom the earlier turns named, when the text has a pronoun they might resolve. */
  #earlierPeople(text: string, context: ExtractionContext): Antecedent[] | undefined {
    const turns = context.earlierTurns;
    if (!turns?.length || !pointsBack(text)) return undefined;
    const present = new Set(
      [context.speaker, context.addressee, ...turns.map((turn) => turn.speaker)].flatMap((name) =>
        name ? [name.toLowerCase()] : [],
      ),
    );
    const extract = (turn: EarlierTurn) =>
      this.extractSync(turn.text, turn.speaker ? { speaker: turn.speaker } : {});
    return earlierPeople(turns, extract, this.#loaded(), present);
  }

  #loaded(): Gazetteer {
    if (!this.#gazetteer) throw new Error('RulesEntityExtractor used before init()');
    return this.#gazetteer;
  }
}

function valueNodes(text: string, tokens: readonly Token[]): GraphNode[] {
  const nodes: GraphNode[] = [];
  for (const value of findValues(text)) {
    const first = tokens.findIndex((token) => token.end > value.start);
    let last = first;
    while (tokens[last + 1] && (tokens[last + 1]?.start ?? Infinity) < value.end) last += 1;
    if (first >= 0)
      nodes.push({
        type: value.type,
        firstToken: first,
        lastToken: last,
        confidence: value.confidence,
      });
  }
  return nodes;
}

function tokenRange(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, offset) => first + offset);
}

function assemble(
  text: string,
  tokens: readonly Token[],
  nodes: readonly GraphNode[],
  relations: readonly RelationMention[],
  threshold: number,
): Extraction {
  const order = nodes
    .map((_, index) => index)
    .sort((a, b) => startOf(nodes[a], tokens) - startOf(nodes[b], tokens));
  const used = new Set(
    relations.flatMap((relation) => [relation.sourceIndex, relation.targetIndex]),
  );
  const newIndex = new Map<number, number>();
  const entities: EntityMention[] = [];
  for (const index of order) {
    const node = nodes[index];
    if (!node || (node.auxiliary && !used.has(index))) continue;
    newIndex.set(index, entities.length);
    entities.push(toMention(text, tokens, node));
  }
  const kept = relations
    .filter((relation) => relation.confidence >= threshold)
    .flatMap((relation) => {
      const sourceIndex = newIndex.get(relation.sourceIndex);
      const targetIndex = newIndex.get(relation.targetIndex);
      return sourceIndex === undefined || targetIndex === undefined
        ? []
        : [{ ...relation, sourceIndex, targetIndex }];
    });
  return { entities, relations: kept };
}

function startOf(node: GraphNode | undefined, tokens: readonly Token[]): number {
  return node ? (tokens[node.firstToken]?.start ?? 0) : 0;
}

function toMention(text: string, tokens: readonly Token[], node: GraphNode): EntityMention {
  const start = tokens[node.firstToken]?.start ?? 0;
  const end = tokens[node.lastToken]?.end ?? start;
  const base = {
    type: node.type,
    start,
    end,
    confidence: node.confidence,
    ...(node.attributes ? { attributes: node.attributes } : {}),
  };
  const alias = node.alias ? { alias: node.alias } : {};
  if (node.speaker === undefined)
    return { ...base, text: node.text ?? text.slice(start, end), ...alias };
  return { ...base, text: node.speaker, isSpeaker: true, ...alias };
}
