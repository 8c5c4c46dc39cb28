import type { RelationMention } from '../../domain/extraction.js';
import type { RelationType } from '../../domain/relation-type.js';
import { extendThroughRegions, findAppositiveRelations } from './appositive-relation-patterns.js';
import type { Gazetteer } from './gazetteer.js';
import { kinshipRelation } from './kinship.js';
import { PET_NOUNS } from './lexicon/misc-words.js';
import { NAMING_WORDS } from './lexicon/name-words.js';
import { KIN_ADJECTIVES, KINSHIP_COPULAS } from './lexicon/relation-cue-words.js';
import { findNewsRelations } from './news-relation-patterns.js';
import { findNounRelations } from './noun-relation-patterns.js';
import { buildSentences, type GraphNode, type SentenceItem } from './relation-items.js';
import { createScan, isType, possessorAt, type RelationScan } from './relation-scan.js';
import type { Token } from './tokenizer.js';
import { findVerbRelations } from './verb-relation-patterns.js';

export type { GraphNode } from './relation-items.js';

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
    findAppositiveRelations(scan, items);
    findNounRelations(scan, items);
  }
  extendThroughRegions(scan);
  return { nodes, relations: scan.relations };
}

function findKinship(scan: RelationScan, items: readonly SentenceItem[]): void {
  for (let index = 0; index < items.length; index += 1) {
    const owner = possessorAt(scan, items, index);
    if (!owner) continue;
    let cursor = owner[1];
    while (KIN_ADJECTIVES.has(items[cursor]?.word ?? '')) cursor += 1;
    const noun = items[cursor];
    if (!noun || noun.node !== undefined) continue;
    const relation = kinshipRelation(noun.word);
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
  relation: RelationType,
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
  const word = items[next]?.word ?? '';
  if (NAMING_WORDS.has(word) || word === ',') next += 1;
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
    if (subject === undefined || !isType(scan, subject, ['PERSON']) || !KINSHIP_COPULAS.has(verb))
      continue;
    const owner = possessorAt(scan, items, index + 2);
    if (!owner) continue;
    let cursor = owner[1];
    while (KIN_ADJECTIVES.has(items[cursor]?.word ?? '')) cursor += 1;
    const relation = kinshipRelation(items[cursor]?.word ?? '');
    if (relation) scan.add(owner[0], subject, relation, 0.8, items);
  }
}
