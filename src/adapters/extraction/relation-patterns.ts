import type { EntityType } from '../../domain/entity.js';
import type { RelationMention } from '../../domain/extraction.js';
import { PET_NOUNS, RELATIVE_NOUNS, singularRelative } from './lexicon/cue-words.js';
import type { Gazetteer } from './lexicon/gazetteer.js';
import { KIN_ADJECTIVES } from './lexicon/relation-cues.js';
import { findNewsRelations } from './news-relation-patterns.js';
import { buildSentences, type GraphNode, type SentenceItem } from './relation-items.js';
import type { Token } from './tokenizer.js';
import { findVerbRelations } from './verb-relation-patterns.js';

export type { GraphNode } from './relation-items.js';

/** Mutable state shared by the pattern families while one text is analysed. */
export interface RelationScan {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly nodes: GraphNode[];
  readonly gazetteer: Gazetteer;
  readonly relations: RelationMention[];
  /** Adds a relation once (same source, target and type). */
  add(
    source: number,
    target: number,
    type: string,
    confidence: number,
    items: readonly SentenceItem[],
  ): void;
  /** Adds an auxiliary MISC node over tokens `first..last` and returns its index. */
  addPhrase(first: number, last: number): number;
}

/** Finds typed and generic relations; may append auxiliary nodes (speaker, MISC objects). */
export function findRelations(
  text: string,
  tokens: readonly Token[],
  inputNodes: readonly GraphNode[],
  gazetteer: Gazetteer,
  speaker: string | undefined,
): { nodes: GraphNode[]; relations: RelationMention[] } {
  const nodes = [...inputNodes];
  const sentences = buildSentences(tokens, nodes, gazetteer, speaker);
  const scan = createScan(text, tokens, nodes, gazetteer);
  for (const items of sentences) {
    findKinship(scan, items);
    findVerbRelations(scan, items);
    findNewsRelations(scan, items);
  }
  return { nodes, relations: scan.relations };
}

function createScan(
  text: string,
  tokens: readonly Token[],
  nodes: GraphNode[],
  gazetteer: Gazetteer,
): RelationScan {
  const relations: RelationMention[] = [];
  const seen = new Set<string>();
  return {
    text,
    tokens,
    nodes,
    gazetteer,
    relations,
    add(source, target, type, confidence, items) {
      const key = `${source}:${target}:${type}`;
      if (source === target || seen.has(key)) return;
      seen.add(key);
      relations.push({
        sourceIndex: source,
        targetIndex: target,
        type,
        confidence,
        sentence: sentenceText(text, tokens, nodes, items),
      });
    },
    addPhrase(first, last) {
      nodes.push({
        type: 'MISC',
        firstToken: first,
        lastToken: last,
        confidence: 0.6,
        auxiliary: true,
      });
      return nodes.length - 1;
    },
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

/** The node owning a possessive at `index` ("my", "Sarah 's", "his") and the next item index. */
export function possessorAt(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
): [number, number] | undefined {
  const item = items[index];
  if (item?.node === undefined) return undefined;
  const node = scan.nodes[item.node];
  if (!node || node.type !== 'PERSON') return undefined;
  if (node.speaker !== undefined)
    return item.word === 'my' || item.word === 'mine' ? [item.node, index + 1] : undefined;
  if (item.viaPronoun)
    return item.word === 'his' || item.word === 'her' ? [item.node, index + 1] : undefined;
  return items[index + 1]?.word === "'s" || items[index + 1]?.word === '’s'
    ? [item.node, index + 2]
    : undefined;
}

function findKinship(scan: RelationScan, items: readonly SentenceItem[]): void {
  for (let index = 0; index < items.length; index += 1) {
    const owner = possessorAt(scan, items, index);
    if (!owner) continue;
    let cursor = owner[1];
    while (KIN_ADJECTIVES.has(items[cursor]?.word ?? '')) cursor += 1;
    const noun = items[cursor];
    if (!noun || noun.node !== undefined) continue;
    const relation = RELATIVE_NOUNS.get(singularRelative(noun.word));
    if (relation) linkRelative(scan, items, owner[0], cursor + 1, relation);
    else if (PET_NOUNS.has(noun.word)) linkPet(scan, items, owner[0], cursor);
  }
  findReverseKinship(scan, items);
}

function linkRelative(
  scan: RelationScan,
  items: readonly SentenceItem[],
  owner: number,
  after: number,
  relation: string,
): void {
  const next = items[after]?.word === ',' ? after + 1 : after;
  const target = items[next]?.node;
  if (target !== undefined && isType(scan, target, ['PERSON']))
    scan.add(owner, target, relation, 0.85, items);
}

function linkPet(
  scan: RelationScan,
  items: readonly SentenceItem[],
  owner: number,
  nounIndex: number,
): void {
  let next = nounIndex + 1;
  if (['named', 'called', ','].includes(items[next]?.word ?? '')) next += 1;
  const nameNode = items[next]?.node;
  const nounItem = items[nounIndex];
  if (nameNode !== undefined && isType(scan, nameNode, ['PERSON', 'MISC', 'ORG', 'LOCATION'])) {
    const node = scan.nodes[nameNode];
    // Pet names are typed MISC so they never merge with people of the same name.
    if (node) scan.nodes[nameNode] = { ...node, type: 'MISC' };
    scan.add(owner, nameNode, 'has_pet', 0.8, items);
  } else if (nounItem) {
    scan.add(
      owner,
      scan.addPhrase(nounItem.tokenIndex, nounItem.tokenIndex),
      'has_pet',
      0.7,
      items,
    );
  }
}

/** "Sarah is my sister" → (speaker) sibling_of Sarah. */
function findReverseKinship(scan: RelationScan, items: readonly SentenceItem[]): void {
  for (let index = 0; index + 2 < items.length; index += 1) {
    const subject = items[index]?.node;
    const verb = items[index + 1]?.word ?? '';
    if (
      subject === undefined ||
      !isType(scan, subject, ['PERSON']) ||
      !['is', 'was', "'s"].includes(verb)
    )
      continue;
    const owner = possessorAt(scan, items, index + 2);
    if (!owner) continue;
    let cursor = owner[1];
    while (KIN_ADJECTIVES.has(items[cursor]?.word ?? '')) cursor += 1;
    const relation = RELATIVE_NOUNS.get(singularRelative(items[cursor]?.word ?? ''));
    if (relation) scan.add(owner[0], subject, relation, 0.8, items);
  }
}

/** True when node `index` has one of the given types. */
export function isType(scan: RelationScan, index: number, types: readonly EntityType[]): boolean {
  const node = scan.nodes[index];
  return node !== undefined && types.includes(node.type);
}
