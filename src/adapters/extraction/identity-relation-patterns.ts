import {
  BE_FORMS,
  CALLING_VERBS,
  INTRODUCTION_ENDS,
  NAME_NOUNS,
} from './lexicon/relation-cue-words.js';
import { nameAt } from './pet-relation-patterns.js';
import type { SentenceItem } from './relation-items.js';
import { isSpeakerNode, isType, nodeName, type RelationScan } from './relation-scan.js';

/**
 * The speaker's own names: "I'm Sam Carter", "my name is Grace", "call me Sam", "Noah calls me
 * Gigi", "diego here". The name becomes an alias of the speaker's node, one node and no separate
 * person, and every other mention of that name in the text is the speaker too.
 */
export function findSpeakerNames(scan: RelationScan, sentences: readonly SentenceItem[][]): void {
  if (scan.speaker === undefined) return;
  const aliases = new Map<number, number>();
  for (const items of sentences)
    for (let index = 0; index < items.length; index += 1) {
      const found = introducedName(scan, items, index);
      if (found) aliases.set(found[1], found[0]);
    }
  for (const [name, speakerNode] of aliases) {
    const alias = nodeName(scan, name);
    for (const [index, node] of scan.nodes.entries()) {
      const same =
        index === name || (node.type === 'PERSON' && sameName(nodeName(scan, index), alias));
      if (!same || node.speaker !== undefined) continue;
      const { auxiliary: _auxiliary, ...rest } = node;
      scan.nodes[index] = { ...rest, type: 'PERSON', speaker: scan.speaker, alias };
    }
    const speaker = scan.nodes[speakerNode];
    if (speaker) scan.nodes[speakerNode] = { ...speaker, alias };
  }
}

/** [speaker node, name node] of a self-introduction at `index`, if there is one. */
function introducedName(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
): [number, number] | undefined {
  const item = items[index];
  const word = (at: number) => items[at]?.word ?? '';
  if (item?.node !== undefined && isSpeakerNode(scan, item.node)) {
    if (scan.nodes[item.node]?.plural) return undefined;
    // "I'm Sam Carter", "I am Grace,": a name that ends the clause.
    if (BE_FORMS.has(word(index + 1)) && endsIntroduction(items, index + 3)) {
      const name = personAt(scan, items, index + 2);
      if (name !== undefined) return [item.node, name];
    }
    // "my name is Grace", "my nickname's Gigi".
    if (word(index) === 'my' && NAME_NOUNS.has(word(index + 1)) && BE_FORMS.has(word(index + 2))) {
      const name = nameAt(scan, items, index + 3, true);
      if (name !== undefined) return [item.node, name];
    }
    // "… calls me Gigi", "call me Sam".
    if (word(index) === 'me' && CALLING_VERBS.has(items[index - 1]?.lemma ?? '')) {
      const name = nameAt(scan, items, index + 1, true);
      if (name !== undefined) return [item.node, name];
    }
    return undefined;
  }
  // "diego here." as a whole sentence.
  if (
    index === firstWord(items) &&
    word(index + 1) === 'here' &&
    endsIntroduction(items, index + 2)
  ) {
    const name = personAt(scan, items, index);
    if (name !== undefined) return [scan.addSpeaker(items[index + 1]?.tokenIndex ?? 0), name];
  }
  return undefined;
}

function personAt(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
): number | undefined {
  const node = items[index]?.node;
  if (node === undefined || items[index]?.viaPronoun || !isType(scan, node, ['PERSON']))
    return undefined;
  return scan.nodes[node]?.speaker === undefined && !scan.nodes[node]?.relative ? node : undefined;
}

function endsIntroduction(items: readonly SentenceItem[], index: number): boolean {
  const item = items[index];
  return !item || INTRODUCTION_ENDS.has(item.word);
}

function firstWord(items: readonly SentenceItem[]): number {
  const first = items.findIndex(
    (item) => !INTRODUCTION_ENDS.has(item.word) && item.word !== 'hey' && item.word !== 'hi',
  );
  return Math.max(first, 0);
}

/** "Sam" is the same name as "Sam Carter": the same text, or its first word alone. */
function sameName(text: string, alias: string): boolean {
  const [first] = alias.split(/\s+/u);
  const lower = text.toLowerCase();
  return lower === alias.toLowerCase() || lower === first?.toLowerCase();
}
