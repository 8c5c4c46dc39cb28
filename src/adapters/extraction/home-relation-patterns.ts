import { MOVE_VERBS } from './lexicon/relation-cue-words.js';
import type { SentenceItem } from './relation-items.js';
import { isType, type RelationScan } from './relation-scan.js';
import { placeByContext } from './verb-object-types.js';
import { moodOf, type Subject } from './verb-relation-patterns.js';

// Adverbs between a move verb and its places ("moved back to", "moved here from").
const MOVE_ADVERBS: ReadonlySet<string> = new Set([
  'back',
  'here',
  'there',
  'away',
  'over',
  'out',
  'all',
  'just',
  'finally',
]);
// How far after the verb its "from X" and "to Y" may be.
const MOVE_REACH = 8;

/**
 * Moves: "we moved from Seattle to Denver last week" ends the home left and starts the new one,
 * both at the move's date; "moved here from Austin", "moved out of Boston" end the home left.
 * ("moved to Denver" alone is a verb pattern.) Plans ("we're moving to Boston") are not moves.
 */
export function findMoveRelations(
  scan: RelationScan,
  items: readonly SentenceItem[],
  subjects: ReadonlyArray<Subject | undefined>,
): void {
  for (let index = 0; index < items.length; index += 1) {
    const subject = subjects[index];
    const item = items[index];
    if (!subject || !item || !MOVE_VERBS.has(item.lemma) || item.word.endsWith('ing')) continue;
    if (moodOf(items, subject.at, index, index + 1) !== 'fact') continue;
    const movers = subject.nodes.filter((node) => isType(scan, node, ['PERSON']));
    const left = placeAfter(scan, items, index, ['from', 'of']);
    if (movers.length === 0 || left === undefined) continue;
    const reached = placeAfter(scan, items, index, ['to', 'into']);
    for (const mover of movers) {
      scan.add(mover, left, 'lives_in', 0.75, items, { timed: true, ends: true });
      if (reached !== undefined) scan.add(mover, reached, 'lives_in', 0.8, items, { timed: true });
    }
  }
}

/** The place after one of the prepositions, within the move's clause ("from Seattle", "out of Boston"). */
function placeAfter(
  scan: RelationScan,
  items: readonly SentenceItem[],
  verbIndex: number,
  prepositions: readonly string[],
): number | undefined {
  for (let cursor = verbIndex + 1; cursor < verbIndex + MOVE_REACH; cursor += 1) {
    const word = items[cursor]?.word ?? '';
    if (word === ',' || word === '.' || word === 'and' || word === 'but') return undefined;
    if (!prepositions.includes(word)) {
      if (
        !MOVE_ADVERBS.has(word) &&
        !['to', 'into', 'from', 'of'].includes(word) &&
        items[cursor]?.node === undefined
      )
        return undefined;
      continue;
    }
    if (word === 'of' && items[cursor - 1]?.word !== 'out') continue;
    const place = items[cursor + 1]?.node;
    if (place !== undefined) placeByContext(scan, place);
    return place !== undefined && isType(scan, place, ['LOCATION']) ? place : undefined;
  }
  return undefined;
}
