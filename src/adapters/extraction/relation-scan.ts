import type { EntityType } from '../../domain/entity.js';
import type { RelationMention } from '../../domain/extraction.js';
import type { RelationLabel } from '../../domain/relation-type.js';
import type { Gazetteer } from './gazetteer.js';
import type { GraphNode, SentenceItem } from './relation-items.js';
import type { Token } from './tokenizer.js';

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
    type: RelationLabel,
    confidence: number,
    items: readonly SentenceItem[],
  ): void;
  /** Adds an auxiliary MISC node over tokens `first..last` and returns its index. */
  addPhrase(first: number, last: number): number;
}

/** A fresh scan over one text. */
export function createScan(
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
  if (node?.type !== 'PERSON') return undefined;
  if (node.speaker !== undefined)
    return item.word === 'my' || item.word === 'mine' ? [item.node, index + 1] : undefined;
  if (item.viaPronoun)
    return item.word === 'his' || item.word === 'her' ? [item.node, index + 1] : undefined;
  return items[index + 1]?.word === "'s" || items[index + 1]?.word === '’s'
    ? [item.node, index + 2]
    : undefined;
}

/** True when node `index` has one of the given types. */
export function isType(scan: RelationScan, index: number, types: readonly EntityType[]): boolean {
  const node = scan.nodes[index];
  return node !== undefined && types.includes(node.type);
}
