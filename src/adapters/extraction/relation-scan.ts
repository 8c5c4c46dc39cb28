import type { EntityType } from '../../domain/entity.js';
import type { RelationMention } from '../../domain/extraction.js';
import { GENDER_ATTRIBUTE } from '../../domain/kin-gender.js';
import type { Metadata } from '../../domain/memory.js';
import type { RelationType } from '../../domain/relation-type.js';
import { resolveRelativeDate, type TimeDirection } from '../../domain/relative-date.js';
import type { Antecedent } from './earlier-people.js';
import type { Gazetteer } from './gazetteer.js';
import type { Kinship } from './kinship.js';
import { type GraphNode, kinshipEdge, type SentenceItem } from './relation-items.js';
import type { Token } from './tokenizer.js';

/** How a pattern qualifies a relation it adds. */
export interface RelationOptions {
  /** The fact stopped rather than started ("we broke up", "I left Acme"). */
  readonly ends?: boolean;
  /** The sentence's time expression ("last month") dates the fact; a future one drops it (a plan). */
  readonly timed?: boolean;
  /** How to read "in May" / "on Saturday" for a timed relation (default: past). */
  readonly direction?: TimeDirection;
}

/** A relation whose target the text names later ("we got a puppy! his name is Pepper"). */
export interface Unnamed {
  readonly source: number;
  readonly type: RelationType;
  readonly confidence: number;
  /** The sentence that told of it: its items and its index in the text. */
  readonly items: readonly SentenceItem[];
  readonly sentence: number;
  /** What the named entity is (`{ species: 'dog' }`) and the type its name takes. */
  readonly attributes?: Metadata;
  readonly nameType: EntityType;
  /** The relation to the stand-in ("puppy") that the name replaces, if one was added. */
  readonly placeholder?: RelationMention;
}

/** Mutable state shared by the pattern families while one text is analysed. */
export interface RelationScan {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly nodes: GraphNode[];
  readonly gazetteer: Gazetteer;
  readonly relations: RelationMention[];
  /** The first person of the text, when known. */
  readonly speaker: string | undefined;
  /** The one spoken to ("you", "Hi Mom!"), when the caller knows it. */
  readonly addressee: string | undefined;
  /** Relations waiting for their target's name. */
  readonly unnamed: Unnamed[];
  /** Index of the sentence being read. */
  sentence: number;
  /** Adds a relation once (same source, target, type and ending); true when added. */
  add(
    source: number,
    target: number,
    type: RelationType,
    confidence: number,
    items: readonly SentenceItem[],
    options?: RelationOptions,
  ): boolean;
  /** Adds an auxiliary MISC node over tokens `first..last` and returns its index. */
  addPhrase(first: number, last: number, attributes?: Metadata): number;
  /** Adds an auxiliary speaker node on token `index` (a subjectless "moved to Denver"). */
  addSpeaker(index: number): number;
  /** Adds an auxiliary node for the addressee on token `index` ("your sister Ana"); needs `addressee`. */
  addAddressee(index: number): number;
  /** Adds a name the finder missed, over tokens `first..last` ("a cat named Whiskers"). */
  addName(first: number, last: number, type: EntityType): number;
  /**
   * Adds the kinship edge between an owner and a relative ("my sister Ana": the speaker
   * sibling_of Ana) and keeps the gender the noun implies on the relative (Ana is female).
   */
  addKin(
    owner: number,
    relative: number,
    kinship: Kinship,
    confidence: number,
    items: readonly SentenceItem[],
  ): boolean;
}

/** Who speaks, to whom, and when: what first- and second-person words and relative dates resolve to. */
export interface ScanContext {
  readonly speaker?: string | undefined;
  readonly addressee?: string | undefined;
  readonly referenceTime?: Date | undefined;
  /** People named in earlier turns, most recent first: what an opening "she" may mean. */
  readonly earlierPeople?: readonly Antecedent[] | undefined;
}

/** A fresh scan over one text. */
export function createScan(
  text: string,
  tokens: readonly Token[],
  nodes: GraphNode[],
  gazetteer: Gazetteer,
  context: ScanContext = {},
): RelationScan {
  return new TextScan(text, tokens, nodes, gazetteer, context);
}

class TextScan implements RelationScan {
  readonly relations: RelationMention[] = [];
  readonly unnamed: Unnamed[] = [];
  readonly speaker: string | undefined;
  readonly addressee: string | undefined;
  sentence = 0;
  readonly #seen = new Set<string>();
  readonly #referenceTime: Date | undefined;

  constructor(
    readonly text: string,
    readonly tokens: readonly Token[],
    readonly nodes: GraphNode[],
    readonly gazetteer: Gazetteer,
    context: ScanContext,
  ) {
    this.speaker = context.speaker;
    this.addressee = context.addressee;
    this.#referenceTime = context.referenceTime;
  }

  add(
    source: number,
    target: number,
    type: RelationType,
    confidence: number,
    items: readonly SentenceItem[],
    options: RelationOptions = {},
  ): boolean {
    // Every speaker node is one entity: "I proposed to Lucia … we are engaged" is one fact.
    const id = (node: number) => (this.nodes[node]?.speaker !== undefined ? 'speaker' : node);
    const key = `${id(source)}:${id(target)}:${type}:${options.ends === true}`;
    if (id(source) === id(target) || this.#seen.has(key)) return false;
    const validFrom = options.timed ? this.#dateOf(items, [source, target], options) : undefined;
    // A fact dated after it was said is a plan ("I start at Acme next month").
    if (validFrom && this.#referenceTime && validFrom > this.#referenceTime) return false;
    this.#seen.add(key);
    this.relations.push({
      sourceIndex: source,
      targetIndex: target,
      type,
      confidence,
      sentence: sentenceText(this.text, this.tokens, this.nodes, items),
      ...(validFrom ? { validFrom } : {}),
      ...(options.ends ? { ends: true } : {}),
    });
    return true;
  }

  #dateOf(
    items: readonly SentenceItem[],
    ends: readonly number[],
    options: RelationOptions,
  ): Date | undefined {
    if (!this.#referenceTime) return undefined;
    const clause = clauseText(this.text, this.tokens, this.nodes, items, ends);
    return resolveRelativeDate(clause, this.#referenceTime, options.direction);
  }

  addPhrase(first: number, last: number, attributes?: Metadata): number {
    this.nodes.push({
      type: 'MISC',
      firstToken: first,
      lastToken: last,
      confidence: 0.6,
      ...(attributes ? { attributes } : {}),
      auxiliary: true,
    });
    return this.nodes.length - 1;
  }

  addSpeaker(index: number): number {
    this.nodes.push({
      type: 'PERSON',
      firstToken: index,
      lastToken: index,
      confidence: 0.8,
      speaker: this.speaker ?? '',
      auxiliary: true,
    });
    return this.nodes.length - 1;
  }

  addAddressee(index: number): number {
    this.nodes.push({
      type: 'PERSON',
      firstToken: index,
      lastToken: index,
      confidence: 0.8,
      text: this.addressee ?? '',
      addressee: true,
      auxiliary: true,
    });
    return this.nodes.length - 1;
  }

  addKin(
    owner: number,
    relative: number,
    kinship: Kinship,
    confidence: number,
    items: readonly SentenceItem[],
  ): boolean {
    const edge = kinshipEdge(owner, relative, kinship);
    const added = this.add(edge.source, edge.target, edge.type, confidence, items);
    if (added) markGender(this.nodes, relative, kinship);
    return added;
  }

  addName(first: number, last: number, type: EntityType): number {
    this.nodes.push({ type, firstToken: first, lastToken: last, confidence: 0.7 });
    return this.nodes.length - 1;
  }
}

/** Keeps the gender a kinship noun implies on a relative's node; never on the speaker's, never over a stated one. */
export function markGender(nodes: GraphNode[], index: number, kinship: Kinship): void {
  const node = nodes[index];
  if (!node || !kinship.gender || kinship.plural || node.speaker !== undefined) return;
  if (node.attributes?.[GENDER_ATTRIBUTE] !== undefined) return;
  nodes[index] = {
    ...node,
    attributes: { ...node.attributes, [GENDER_ATTRIBUTE]: kinship.gender },
  };
}

function sentenceText(
  text: string,
  tokens: readonly Token[],
  nodes: readonly GraphNode[],
  items: readonly SentenceItem[],
): string {
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return '';
  const lastToken =
    last.node === undefined
      ? last.tokenIndex
      : Math.max(last.tokenIndex, nodes[last.node]?.lastToken ?? 0);
  const start = tokens[first.tokenIndex]?.start ?? 0;
  return text.slice(start, tokens[lastToken]?.end ?? start).trim();
}

// Words that end the clause a time expression belongs to.
const CLAUSE_ENDS: ReadonlySet<string> = new Set([
  ',',
  ';',
  ':',
  '!',
  '?',
  '.',
  '-',
  '—',
  'but',
  'so',
  'because',
  'although',
  'though',
  'while',
]);

/**
 * The clause of a relation, as text: from the clause break before its first end to the one after
 * its last ("my sister lives in Lisbon, thinking of visiting in the spring" → the first part),
 * with a short fronted time phrase before it ("Last year, we moved to Denver").
 */
function clauseText(
  text: string,
  tokens: readonly Token[],
  nodes: readonly GraphNode[],
  items: readonly SentenceItem[],
  ends: readonly number[],
): string {
  const at = ends
    .map((node) => items.findIndex((item) => item.node === node))
    .filter((index) => index >= 0);
  let first = at.length > 0 ? Math.min(...at) : 0;
  let last = at.length > 0 ? Math.max(...at) : items.length - 1;
  while (first > 0 && !CLAUSE_ENDS.has(items[first - 1]?.word ?? '')) first -= 1;
  while (last + 1 < items.length && !CLAUSE_ENDS.has(items[last + 1]?.word ?? '')) last += 1;
  if (first > 0 && first <= 5 && items[first - 1]?.word === ',') first = 0;
  return sentenceText(text, tokens, nodes, items.slice(first, last + 1));
}

/** The node owning a possessive at `index` ("my", "our", "Sarah 's", "his") and the next item index. */
export function possessorAt(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
): [number, number] | undefined {
  const item = items[index];
  if (item?.node === undefined) return undefined;
  const node = scan.nodes[item.node];
  if (node?.type !== 'PERSON') return undefined;
  if (node.speaker !== undefined)
    return ['my', 'mine', 'our'].includes(item.word) ? [item.node, index + 1] : undefined;
  if (item.viaPronoun)
    return item.word === 'his' || item.word === 'her' ? [item.node, index + 1] : undefined;
  return items[index + 1]?.word === "'s" ? [item.node, index + 2] : undefined;
}

/** The name of node `index`: the speaker's, a relative's ("amy's sister"), or the text it spans. */
export function nodeName(scan: RelationScan, index: number): string {
  const node = scan.nodes[index];
  if (!node) return '';
  if (node.speaker !== undefined) return node.speaker;
  const start = scan.tokens[node.firstToken]?.start ?? 0;
  return node.text ?? scan.text.slice(start, scan.tokens[node.lastToken]?.end ?? start);
}

/** True when node `index` has one of the given types. */
export function isType(scan: RelationScan, index: number, types: readonly EntityType[]): boolean {
  const node = scan.nodes[index];
  return node !== undefined && types.includes(node.type);
}

/** True when node `index` stands for the speaker ("I", "we", a name the speaker gave). */
export function isSpeakerNode(scan: RelationScan, index: number | undefined): boolean {
  return index !== undefined && scan.nodes[index]?.speaker !== undefined;
}

/**
 * Makes node `index` the given type when the context settles it ("my supervisor is Linda Park":
 * a person, whatever the place list said). Speaker nodes and values (dates, money) never change.
 */
export function retype(scan: RelationScan, index: number, type: EntityType): void {
  const node = scan.nodes[index];
  if (!node || node.speaker !== undefined || node.type === type) return;
  if (node.type === 'DATE' || node.type === 'TIME' || node.type === 'MONEY') return;
  scan.nodes[index] = { ...node, type };
}
