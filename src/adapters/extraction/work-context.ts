import type { Gazetteer } from './gazetteer.js';
import {
  FOOD_NOUNS,
  READING_VERBS,
  WATCHING_VERBS,
  WORK_NOUNS_AFTER,
  WORK_NOUNS_BEFORE,
} from './lexicon/misc-words.js';
import { FUNCTION_WORDS } from './lexicon/name-words.js';
import { AUXILIARY_FORMS } from './lexicon/person-words.js';
import { PLACE_PREPOSITIONS } from './lexicon/place-words.js';
import type { RunType } from './name-mention.js';
import { runKey } from './team-context.js';
import type { Token } from './tokenizer.js';

const LOWER_WORD = /^\p{Ll}+$/u;
const WEB_DOMAINS = new Set(['com', 'org', 'net', 'gov', 'edu', 'io', 'co']);
const WORK_DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'my',
  'your',
  'his',
  'her',
  'our',
  'their',
  'this',
  'that',
  'new',
  'favourite',
  'favorite',
  'fave',
  'latest',
]);

/**
 * MISC for what a name stands for when the words around say so, before any gazetteer: a dish
 * ("the Apple pie", "Buffalo wings"), a cuisine or a people's style ("Thai food", "Italian
 * place"), a work after its noun or a reading verb ("the movie Dune", "reading Harry Potter").
 */
export function byWhatItNames(
  tokens: readonly Token[],
  first: number,
  last: number,
  gazetteer: Gazetteer,
): RunType | undefined {
  const next = tokens[last + 1];
  const previous = tokens[first - 1]?.lower ?? '';
  const before = tokens[first - 2]?.lower ?? '';
  const key = runKey(tokens, first, last);
  if (next && FOOD_NOUNS.has(next.lower) && !isBrand(key, gazetteer))
    return { type: 'MISC', confidence: 0.6 };
  if (isDemonymBeforeNoun(tokens, first, last, gazetteer)) return { type: 'MISC', confidence: 0.7 };
  // "msnbc dot com", "example.com" said aloud: a web address, not the company.
  if (next?.lower === 'dot' && WEB_DOMAINS.has(tokens[last + 2]?.lower ?? ''))
    return { type: 'MISC', confidence: 0.6 };
  // "the movie Dune", "my favourite show Succession" (not "show Sarah the way").
  if (WORK_NOUNS_BEFORE.has(previous) && WORK_DETERMINERS.has(before))
    return { type: 'MISC', confidence: 0.7 };
  if (READING_VERBS.has(previous) && next?.text !== "'s") return { type: 'MISC', confidence: 0.65 };
  return undefined;
}

/** MISC for a title the words around call a show or a film ("watching Succession", "the Dune movie"). */
export function byWorkContext(
  tokens: readonly Token[],
  first: number,
  last: number,
): RunType | undefined {
  const previous = tokens[first - 1]?.lower ?? '';
  const next = tokens[last + 1]?.lower ?? '';
  if (WATCHING_VERBS.has(previous) || WORK_NOUNS_AFTER.has(next))
    return { type: 'MISC', confidence: 0.6 };
  return undefined;
}

/** "Starbucks coffee", "Domino's pizza": a known company that is no ordinary word stays one. */
function isBrand(key: string, gazetteer: Gazetteer): boolean {
  return gazetteer.organizations.has(key) && !gazetteer.englishWords.has(key);
}

/** "Thai food", "Italian place", "Saudi officials": a people's adjective before a noun. */
function isDemonymBeforeNoun(
  tokens: readonly Token[],
  first: number,
  last: number,
  gazetteer: Gazetteer,
): boolean {
  const next = tokens[last + 1];
  if (first !== last || !next || !LOWER_WORD.test(next.text)) return false;
  const word = tokens[first]?.lower ?? '';
  if (!gazetteer.demonyms.has(word) || !gazetteer.places.has(word)) return false;
  if (PLACE_PREPOSITIONS.has(tokens[first - 1]?.lower ?? '')) return false;
  if (AUXILIARY_FORMS.has(next.lower) || FUNCTION_WORDS.has(next.lower)) return false;
  const lemma = gazetteer.verbLemmas.get(next.lower);
  return lemma === undefined || lemma === next.lower;
}
