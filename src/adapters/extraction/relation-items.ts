import type { EntityType } from '../../domain/entity.js';
import type { Gazetteer } from './lexicon/gazetteer.js';
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

const SPEAKER_FORMS = new Map<string, string | undefined>([
  ['i', undefined],
  ['me', undefined],
  ['my', undefined],
  ['mine', undefined],
  ['myself', undefined],
  ["i'm", 'be'],
  ['im', 'be'],
  ["i've", 'have'],
  ["i'll", 'will'],
  ["i'd", 'would'],
  ['i’m', 'be'],
  ['i’ve', 'have'],
]);
const THIRD_PERSON = new Set(['he', 'she', 'him', 'her', 'his', 'hers']);

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
    if (speaker !== undefined && SPEAKER_FORMS.has(token.lower)) {
      nodes.push({
        type: 'PERSON',
        firstToken: index,
        lastToken: index,
        confidence: 0.9,
        speaker,
        auxiliary: true,
      });
      items.push({
        word: token.lower,
        lemma: token.lower,
        tokenIndex: index,
        node: nodes.length - 1,
      });
      const implied = SPEAKER_FORMS.get(token.lower);
      if (implied) items.push({ word: implied, lemma: implied, tokenIndex: index });
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
