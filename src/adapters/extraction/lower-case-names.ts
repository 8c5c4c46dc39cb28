import { isChatNoise } from './chat-words.js';
import type { Gazetteer } from './gazetteer.js';
import { kinshipRelation } from './kinship.js';
import { NEVER_NAMES } from './lexicon/name-words.js';
import {
  GREETING_WORDS,
  PERSON_NEXT_WORDS,
  SOCIAL_VERBS,
  WITH_SPEAKER_AFTER,
  WITH_SPEAKER_BEFORE,
} from './lexicon/person-words.js';
import { PLACE_PREPOSITIONS } from './lexicon/place-words.js';
import type { Token } from './tokenizer.js';

const LOWER_WORD = /^\p{Ll}+$/u;

/**
 * True when a lower-case chat word is a name, by strong cues only: a person's first name after a
 * kinship noun, a greeting or a verb that takes people ("my friend sam", "hi emma", "took jordan
 * out"), before "said" or "and I", or with a surname ("amy schumer"); a place after a preposition
 * ("in boston"); a country or a company that is no English word ("netflix").
 */
export function isLowerCaseName(
  tokens: readonly Token[],
  index: number,
  gazetteer: Gazetteer,
): boolean {
  const token = tokens[index];
  if (!token || !LOWER_WORD.test(token.text) || NEVER_NAMES.has(token.lower)) return false;
  if (gazetteer.commonWords.has(token.lower)) return false;
  if (isLowerCasePerson(tokens, index, index, gazetteer)) return true;
  const previous = tokens[index - 1]?.lower ?? '';
  if (PLACE_PREPOSITIONS.has(previous) && gazetteer.places.has(token.lower)) return true;
  if (gazetteer.englishWords.has(token.lower))
    return isSurnameAfterFirstName(tokens, index, gazetteer);
  return (
    gazetteer.countries.has(token.lower) ||
    (gazetteer.organizations.has(token.lower) && token.lower.length > 3) ||
    isSurnameAfterFirstName(tokens, index, gazetteer) ||
    isFirstNameBeforeSurname(tokens, index, gazetteer)
  );
}

/** True when a lower-case run (one word or a first name and surname) is a person by its context. */
export function isLowerCasePerson(
  tokens: readonly Token[],
  first: number,
  last: number,
  gazetteer: Gazetteer,
): boolean {
  const head = tokens[first];
  if (!head || !LOWER_WORD.test(head.text)) return false;
  const previous = tokens[first - 1]?.lower ?? '';
  const before = `${tokens[first - 2]?.lower} ${previous}`;
  const next = tokens[last + 1]?.lower ?? '';
  const after = `${next} ${tokens[last + 2]?.lower}`;
  if (!isFirstName(head.lower, gazetteer)) {
    if (first !== last || !isUnlistedName(tokens, first, gazetteer)) return false;
    const possessed = POSSESSIVES.has(tokens[first - 2]?.lower ?? '');
    return (possessed && kinshipRelation(previous) !== undefined) || WITH_SPEAKER_AFTER.has(after);
  }
  if (kinshipRelation(previous) !== undefined || GREETING_WORDS.has(previous)) return true;
  if (WITH_SPEAKER_AFTER.has(after) || WITH_SPEAKER_BEFORE.has(before)) return true;
  if (PERSON_NEXT_WORDS.has(next)) return true;
  if (first !== last) return true;
  return SOCIAL_VERBS.has(previous);
}

const POSSESSIVES = new Set(['my', 'our', 'his', 'her', 'your', 'their']);

/**
 * "my gf priya", "priya and i": a word no list knows (not English, not chat slang, with a vowel)
 * is a name the name lists lack, once a kinship noun after a possessive or "and I" says so.
 */
function isUnlistedName(tokens: readonly Token[], index: number, gazetteer: Gazetteer): boolean {
  const token = tokens[index];
  if (!token || token.lower.length < 3 || !/[aeiouy]/u.test(token.lower)) return false;
  if (isChatNoise(token) || gazetteer.englishWords.has(token.lower)) return false;
  return !gazetteer.commonWords.has(token.lower) && !gazetteer.verbLemmas.has(token.lower);
}

/** A first name as chat writes it: a name list knows it, and it is not first of all a word. */
function isFirstName(word: string, gazetteer: Gazetteer): boolean {
  if (gazetteer.commonWords.has(word)) return false;
  return (
    gazetteer.firstNames.has(word) || gazetteer.nameParts.has(word) || gazetteer.people.has(word)
  );
}

/** "amy schumer", "rick astley": a first name, then a surname; one of them is no English word. */
function isFirstNameBeforeSurname(
  tokens: readonly Token[],
  index: number,
  gazetteer: Gazetteer,
): boolean {
  const word = tokens[index]?.lower ?? '';
  const next = tokens[index + 1];
  if (!next || !LOWER_WORD.test(next.text) || gazetteer.commonWords.has(next.lower)) return false;
  const surname = next.lower;
  if (!isFirstName(word, gazetteer)) return false;
  if (!gazetteer.lastNames.has(surname) && !gazetteer.nameParts.has(surname)) return false;
  return !gazetteer.englishWords.has(word) || !gazetteer.englishWords.has(surname);
}

function isSurnameAfterFirstName(
  tokens: readonly Token[],
  index: number,
  gazetteer: Gazetteer,
): boolean {
  return index > 0 && isFirstNameBeforeSurname(tokens, index - 1, gazetteer);
}
