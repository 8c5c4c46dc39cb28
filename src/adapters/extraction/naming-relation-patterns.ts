import { CALLING_VERBS, NAME_NOUNS, PERSON_NOUNS } from './lexicon/relation-cue-words.js';
import { nameAt, petName } from './pet-relation-patterns.js';
import type { SentenceItem } from './relation-items.js';
import { type RelationScan, retype, type Unnamed } from './relation-scan.js';

// How many sentences later a name may still be given ("we got a puppy!!! his name is Pepper").
const NAMING_REACH = 2;

/**
 * Names given after the fact they complete: "his name is Pepper", "she's called Maya", "we named
 * him Pepper" name the pet or person a recent sentence left unnamed; "someone, a man named
 * Richard" names it in the same sentence.
 */
export function findLaterNames(scan: RelationScan, items: readonly SentenceItem[]): void {
  for (let index = 0; index < items.length; index += 1) {
    const name = laterName(scan, items, index);
    if (name === undefined) continue;
    const at = items[index]?.tokenIndex ?? 0;
    const waiting = scan.unnamed.findLast(
      (entry) =>
        scan.sentence - entry.sentence <= NAMING_REACH &&
        (entry.sentence < scan.sentence || standsBefore(scan, entry, at)),
    );
    if (waiting) resolve(scan, waiting, name);
  }
  appositiveName(scan, items);
}

/** The name in "(his|her|its) name is X", "(he|she)'s called X", "(we|I) named him X" at `index`. */
function laterName(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
): number | undefined {
  const word = (at: number) => items[at]?.word ?? '';
  const pronoun = word(index);
  if (['his', 'her', 'its', 'their'].includes(pronoun) && NAME_NOUNS.has(word(index + 1))) {
    const be = word(index + 2);
    if (be === 'is' || be === "'s" || be === 'was') return nameAt(scan, items, index + 3, true);
  }
  if (['he', 'she', 'it', 'they'].includes(pronoun)) {
    const verbAt = word(index + 1) === "'s" || word(index + 1) === 'is' ? index + 2 : index + 1;
    if (CALLING_VERBS.has(word(verbAt)) && word(verbAt).endsWith('ed'))
      return nameAt(scan, items, verbAt + 1, true);
  }
  if (CALLING_VERBS.has(word(index)) && ['him', 'her', 'it', 'them'].includes(word(index + 1)))
    return nameAt(scan, items, index + 2, true);
  return undefined;
}

/** "we got a kitten, her name is Mochi": the stand-in comes before the naming in one sentence. */
function standsBefore(scan: RelationScan, entry: Unnamed, tokenIndex: number): boolean {
  const target = entry.placeholder?.targetIndex;
  const first = target === undefined ? undefined : scan.nodes[target]?.firstToken;
  return first !== undefined && first < tokenIndex;
}

/** "seeing someone, a man named Richard": the unnamed of this very sentence gets its name. */
function appositiveName(scan: RelationScan, items: readonly SentenceItem[]): void {
  const waiting = scan.unnamed.findLast((entry) => entry.sentence === scan.sentence);
  if (!waiting) return;
  for (let index = 0; index + 1 < items.length; index += 1) {
    if (!PERSON_NOUNS.has(items[index]?.word ?? '')) continue;
    const named = items[index + 1]?.word === 'named' || items[index + 1]?.word === 'called';
    if (!named) continue;
    const name = nameAt(scan, items, index + 2, true);
    if (name !== undefined) resolve(scan, waiting, name);
    return;
  }
}

/** Adds the waiting relation to its name, in place of any stand-in it had. */
function resolve(scan: RelationScan, waiting: Unnamed, name: number): void {
  scan.unnamed.splice(scan.unnamed.indexOf(waiting), 1);
  if (waiting.nameType === 'MISC') petName(scan, name, waiting.attributes ?? {});
  else retype(scan, name, waiting.nameType);
  const stand = waiting.placeholder ? scan.relations.indexOf(waiting.placeholder) : -1;
  if (stand >= 0) scan.relations.splice(stand, 1);
  scan.add(waiting.source, name, waiting.type, waiting.confidence, waiting.items, { timed: true });
}
