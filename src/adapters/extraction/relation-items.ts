import type { EntityType } from '../../domain/entity.js';
import { FIRST_PERSON_PRONOUNS } from '../../domain/extraction.js';
import type { KinGender } from '../../domain/kin-gender.js';
import type { Metadata } from '../../domain/memory.js';
import type { RelationType } from '../../domain/relation-type.js';
import { type Antecedent, antecedentFor } from './earlier-people.js';
import type { Gazetteer } from './gazetteer.js';
import { type Kinship, readKinship } from './kinship.js';
import { NAMING_WORDS } from './lexicon/name-words.js';
import {
  FIRST_PERSON_PLURAL,
  SPEAKER_CONTRACTIONS,
  THIRD_PERSON,
  VOCATIVE_FOLLOWERS,
} from './lexicon/relation-cue-words.js';
import { RecentPeople } from './recent-people.js';
import type { Token } from './tokenizer.js';

/** An unnamed relative ("my sister"): whose, and how the owner relates to them. */
export interface RelativeOf {
  readonly owner: number;
  readonly kinship: Kinship;
}

/** An entity candidate by token range; `auxiliary` ones are emitted only when a relation uses them. */
export interface GraphNode {
  readonly type: EntityType;
  readonly firstToken: number;
  readonly lastToken: number;
  readonly confidence: number;
  /** Set on first-person mentions resolved to the speaker. */
  readonly speaker?: string;
  /** "we", "our": the speaker with others. */
  readonly plural?: boolean;
  /** Set on second-person mentions resolved to the addressee (`text` holds the name). */
  readonly addressee?: boolean;
  /** Another name of the entity the text gives ("I'm Sam Carter"). */
  readonly alias?: string;
  /** What the text says the entity is (`{ species: 'dog' }`). */
  readonly attributes?: Metadata;
  /** The entity's name when it is not the span's text ("my sister" → "amy's sister"). */
  readonly text?: string;
  readonly relative?: RelativeOf;
  /** A pronoun resolved to a person named in an earlier turn (`text` holds the name). */
  readonly earlier?: boolean;
  readonly auxiliary?: boolean;
}

/** One step of a sentence as relation patterns see it: a whole entity node, or one word. */
export interface SentenceItem {
  readonly word: string;
  readonly lemma: string;
  readonly tokenIndex: number;
  readonly node?: number;
  /** The node came from a pronoun (he, she) resolved to an earlier person. */
  readonly viaPronoun?: boolean;
  /** A name called out ("Monica, will you …"): the one spoken to, never the subject. */
  readonly vocative?: boolean;
}

interface Builder {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly nodes: GraphNode[];
  readonly nodeAt: ReadonlyMap<number, number>;
  readonly speaker: string | undefined;
}

/**
 * Splits tokens into sentences of items: adds speaker nodes for first-person words, one node for
 * an unnamed relative ("my sister", "Tom's boss"), and resolves he/she to the last person.
 */
export function buildSentences(
  text: string,
  tokens: readonly Token[],
  nodes: GraphNode[],
  gazetteer: Gazetteer,
  speaker: string | undefined,
  earlier: readonly Antecedent[] = [],
): SentenceItem[][] {
  const nodeAt = new Map<number, number>();
  for (const [index, node] of nodes.entries()) nodeAt.set(node.firstToken, index);
  const builder: Builder = { text, tokens, nodes, nodeAt, speaker };
  const sentences: SentenceItem[][] = [];
  const people = new RecentPeople(nodes, gazetteer, (node) => nodeText(builder, node));
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index];
    if (!token) continue;
    const items = sentences[token.sentence] ?? [];
    sentences[token.sentence] = items;
    const word = plainWord(token.lower);
    const nodeIndex = nodeAt.get(index);
    let owner: number | undefined;
    let next = index + 1;
    const person =
      nodeIndex === undefined ? pronounPerson(people, nodes, index, word, earlier) : undefined;
    if (nodeIndex !== undefined) {
      const node = nodes[nodeIndex];
      const vocative = isVocative(builder, items, nodeIndex);
      items.push({
        word,
        lemma: word,
        tokenIndex: index,
        node: nodeIndex,
        ...(vocative ? { vocative } : {}),
      });
      if (node?.type === 'PERSON' && node.speaker === undefined && !vocative) people.add(nodeIndex);
      index = node?.lastToken ?? index;
      next = index + 1;
      if (plainWord(tokens[next]?.lower ?? '') === "'s") [owner, next] = [nodeIndex, next + 1];
    } else if (speaker !== undefined && isFirstPerson(word)) {
      items.push(...speakerItems(nodes, index, speaker, word));
      if (word === 'my' || word === 'our') owner = nodes.length - 1;
    } else if (person !== undefined) {
      // "her sister": a possessive pronoun before a kinship noun owns the relative.
      if ((word === 'his' || word === 'her') && relativeAhead(builder, next)) owner = person;
      else items.push({ word, lemma: word, tokenIndex: index, node: person, viaPronoun: true });
    } else {
      items.push({ word, lemma: gazetteer.verbLemmas.get(word) ?? word, tokenIndex: index });
    }
    const relative =
      owner === undefined ? undefined : addRelatives(builder, items, owner, index, next);
    if (relative) people.add(relative.node);
    index = relative?.lastToken ?? index;
  }
  return sentences.filter((items) => items !== undefined);
}

/** The person "he", "she", "his" at `index` means: the text's latest fitting one, else an earlier turn's. */
function pronounPerson(
  people: RecentPeople,
  nodes: GraphNode[],
  index: number,
  word: string,
  earlier: readonly Antecedent[],
): number | undefined {
  if (!THIRD_PERSON.has(word)) return undefined;
  if (people.last === undefined) {
    const found = earlierPerson(nodes, index, word, earlier);
    if (found) people.add(found.node, found.gender);
  }
  return people.for(word);
}

/**
 * A node for the person an earlier turn named, when a pronoun opens the text's talk of people
 * ("She's my sister" after "I invited Amy"): the latest earlier person of the pronoun's gender.
 */
function earlierPerson(
  nodes: GraphNode[],
  index: number,
  word: string,
  earlier: readonly Antecedent[],
): { node: number; gender?: KinGender } | undefined {
  const person = antecedentFor(word, earlier);
  if (!person) return undefined;
  nodes.push({
    type: 'PERSON',
    firstToken: index,
    lastToken: index,
    confidence: 0.7,
    text: person.name,
    earlier: true,
    auxiliary: true,
  });
  return { node: nodes.length - 1, ...(person.gender ? { gender: person.gender } : {}) };
}

/**
 * "my sister", "my sister's friend": the possessives and kinship nouns after `ownerToken` become
 * one item standing for the (last) relative; returns its node and last token, if there is one.
 */
function addRelatives(
  builder: Builder,
  items: SentenceItem[],
  firstOwner: number,
  ownerToken: number,
  start: number,
): { node: number; lastToken: number } | undefined {
  const { nodes, tokens } = builder;
  let owner: number | undefined = firstOwner;
  let ahead = relativeAhead(builder, start);
  let found: { node: number; lastToken: number } | undefined;
  while (owner !== undefined && ahead) {
    const replaced = nodes[owner]?.speaker !== undefined || nodes[owner]?.relative !== undefined;
    if (items.at(-1)?.node === owner && replaced) items.pop();
    const relative = addRelative(builder, owner, ownerToken, ahead);
    items.push({ word: ahead.noun, lemma: ahead.noun, tokenIndex: ownerToken, node: relative });
    found = { node: relative, lastToken: ahead.lastToken };
    const possessive = plainWord(tokens[ahead.lastToken + 1]?.lower ?? '') === "'s";
    owner = possessive ? relative : undefined;
    ahead = possessive ? relativeAhead(builder, ahead.lastToken + 2) : undefined;
  }
  return found;
}

interface RelativeAhead {
  readonly noun: string;
  readonly kinship: Kinship;
  readonly lastToken: number;
}

/** An unnamed relative from token `start` on ("little sister", "parents"): no name after the noun. */
function relativeAhead(builder: Builder, start: number): RelativeAhead | undefined {
  const { tokens, nodeAt } = builder;
  const wordAt = (index: number) =>
    nodeAt.has(index) || !tokens[index] ? undefined : plainWord(tokens[index]?.lower ?? '');
  const phrase = readKinship(wordAt, start);
  if (!phrase || isNamed(builder, phrase.index + 1)) return undefined;
  return { noun: phrase.noun, kinship: phrase.kinship, lastToken: phrase.index };
}

/** Adds the node of an unnamed relative, named after its owner ("amy's sister"). */
function addRelative(
  builder: Builder,
  owner: number,
  ownerToken: number,
  ahead: RelativeAhead,
): number {
  const ownerNode = builder.nodes[owner];
  builder.nodes.push({
    type: 'PERSON',
    firstToken: ownerToken,
    lastToken: ahead.lastToken,
    confidence: 0.7,
    text: `${ownerNode ? nameOf(builder, ownerNode) : ''}'s ${ahead.noun}`,
    relative: { owner, kinship: ahead.kinship },
    auxiliary: true,
  });
  return builder.nodes.length - 1;
}

/** "Monica, will you …", "Chandler, I saw …": a name opening the sentence, called out. */
function isVocative(builder: Builder, items: readonly SentenceItem[], nodeIndex: number): boolean {
  const node = builder.nodes[nodeIndex];
  if (!node || items.some((item) => !CALL_OPENERS.has(item.word))) return false;
  const comma = plainWord(builder.tokens[node.lastToken + 1]?.lower ?? '');
  const next = plainWord(builder.tokens[node.lastToken + 2]?.lower ?? '');
  return (comma === ',' || comma === '!') && VOCATIVE_FOLLOWERS.has(next);
}

// Words before a name called out ("oh, Monica, …").
const CALL_OPENERS: ReadonlySet<string> = new Set([
  'oh',
  'hey',
  'hi',
  'ok',
  'okay',
  'well',
  'so',
  ',',
  'and',
]);

/** A name follows a kinship noun: "sister Ana", "sister, Ana", "kids: Leo", "dog named Rex". */
function isNamed(builder: Builder, start: number): boolean {
  const word = plainWord(builder.tokens[start]?.lower ?? '');
  const skip = word === ',' || word === ':' || NAMING_WORDS.has(word) ? 1 : 0;
  return builder.nodeAt.has(start + skip);
}

function nodeText(builder: Builder, index: number): string {
  const node = builder.nodes[index];
  return node ? nameOf(builder, node) : '';
}

function nameOf(builder: Builder, node: GraphNode): string {
  if (node.speaker !== undefined) return node.speaker;
  if (node.text !== undefined) return node.text;
  const start = builder.tokens[node.firstToken]?.start ?? 0;
  return builder.text.slice(start, builder.tokens[node.lastToken]?.end ?? start);
}

/** Adds a speaker node at `index`; returns its item, then any verb a contraction holds. */
function speakerItems(
  nodes: GraphNode[],
  index: number,
  speaker: string,
  word: string,
): SentenceItem[] {
  nodes.push({
    type: 'PERSON',
    firstToken: index,
    lastToken: index,
    confidence: 0.9,
    speaker,
    ...(FIRST_PERSON_PLURAL.has(word) ? { plural: true } : {}),
    auxiliary: true,
  });
  const items: SentenceItem[] = [{ word, lemma: word, tokenIndex: index, node: nodes.length - 1 }];
  const implied = SPEAKER_CONTRACTIONS.get(word);
  if (implied) items.push({ word: implied, lemma: implied, tokenIndex: index });
  return items;
}

/** "I", "my", "we", "I'm": a word standing for the speaker. */
function isFirstPerson(word: string): boolean {
  return (
    FIRST_PERSON_PRONOUNS.has(word) ||
    FIRST_PERSON_PLURAL.has(word) ||
    SPEAKER_CONTRACTIONS.has(word)
  );
}

/** A lower-case word with curly apostrophes made straight ("I’m" → "i'm"). */
export function plainWord(lower: string): string {
  return lower.replaceAll('’', "'");
}

/** The relation a kinship adds between an owner and the relative (in either direction). */
export function kinshipEdge(
  owner: number,
  relative: number,
  kinship: Kinship,
): { source: number; target: number; type: RelationType } {
  return kinship.fromOwner
    ? { source: owner, target: relative, type: kinship.type }
    : { source: relative, target: owner, type: kinship.type };
}
