import type { EntityType } from '../../domain/entity.js';
import { FIRST_PERSON_PRONOUNS } from '../../domain/extraction.js';
import type { Gazetteer } from './gazetteer.js';
import { SPEAKER_CONTRACTIONS, THIRD_PERSON } from './lexicon/relation-cue-words.js';
import type { Token } from './tokenizer.js';

/** An entity candidate by token range; `auxiliary` ones are emitted only when a relation uses them. */
export interface GraphNode {
  readonly type: EntityType;
  readonly firstToken: number;
  readonly lastToken: number;
  readonly confidence: number;
  /** Set on first-person mentions resolved to the speaker. */
  readonly speaker?: string;
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
}

/** Splits tokens into sentences of items, adding speaker nodes and resolving he/she to the last person. */
export function buildSentences(
  tokens: readonly Token[],
  nodes: GraphNode[],
  gazetteer: Gazetteer,
  speaker: string | undefined,
): SentenceItem[][] {
  const nodeAt = new Map<number, number>();
  for (const [index, node] of nodes.entries()) nodeAt.set(node.firstToken, index);
  const sentences: SentenceItem[][] = [];
  let lastPerson: number | undefined;
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index];
    if (!token) continue;
    const items = sentences[token.sentence] ?? [];
    sentences[token.sentence] = items;
    const nodeIndex = nodeAt.get(index);
    const node = nodeIndex === undefined ? undefined : nodes[nodeIndex];
    if (node && nodeIndex !== undefined) {
      items.push({ word: token.lower, lemma: token.lower, tokenIndex: index, node: nodeIndex });
      if (node.type === 'PERSON' && node.speaker === undefined) lastPerson = nodeIndex;
      index = node.lastToken;
      continue;
    }
    if (speaker !== undefined && isFirstPerson(token.lower)) {
      items.push(...speakerItems(nodes, token, index, speaker));
      continue;
    }
    if (THIRD_PERSON.has(token.lower) && lastPerson !== undefined) {
      items.push({
        word: token.lower,
        lemma: token.lower,
        tokenIndex: index,
        node: lastPerson,
        viaPronoun: true,
      });
      continue;
    }
    items.push({
      word: token.lower,
      lemma: gazetteer.verbLemmas.get(token.lower) ?? token.lower,
      tokenIndex: index,
    });
  }
  return sentences.filter((items) => items !== undefined);
}

/** Adds a speaker node at `index`; returns its item, then any verb a contraction holds. */
function speakerItems(
  nodes: GraphNode[],
  token: Token,
  index: number,
  speaker: string,
): SentenceItem[] {
  nodes.push({
    type: 'PERSON',
    firstToken: index,
    lastToken: index,
    confidence: 0.9,
    speaker,
    auxiliary: true,
  });
  const word = token.lower;
  const items: SentenceItem[] = [{ word, lemma: word, tokenIndex: index, node: nodes.length - 1 }];
  const implied = SPEAKER_CONTRACTIONS.get(word);
  if (implied) items.push({ word: implied, lemma: implied, tokenIndex: index });
  return items;
}

/** "I", "my", "I'm": a word standing for the speaker. */
function isFirstPerson(word: string): boolean {
  return FIRST_PERSON_PRONOUNS.has(word) || SPEAKER_CONTRACTIONS.has(word);
}
