import type { Gazetteer } from './gazetteer.js';
import { kinshipRelation } from './kinship.js';
import {
  BARE_CONTRACTIONS,
  CHAT_WORDS,
  COMMON_ACRONYMS,
  FUNCTION_WORDS,
  MODAL_WORDS,
  NEVER_NAMES,
  OBJECT_STARTS,
} from './lexicon/name-words.js';
import {
  AUXILIARY_FORMS,
  PERSON_NEXT_WORDS,
  POSSESSIVES,
  SPEECH_VERBS,
  WITH_SPEAKER_AFTER,
} from './lexicon/person-words.js';
import { isAllCaps, type Token } from './tokenizer.js';

// "hahaha", "kekeke", "lololol": a syllable said three times or more.
const REPEATED_SYLLABLE = /^(\p{L}{1,3})\1{2,}\p{L}?$/iu;
// "lool", "lmaooo", "xddd", "hahah".
const LAUGHTER = /^(?:l+(?:o+l+)+|lmf?a+o+|x+d+|(?:[hj][aeiou]+){2,}h?|a*(?:ha)+h?)$/iu;
// "sooo", "Yesss", "NOOOO": a letter said three times; Roman numerals ("III") are names' parts.
const STRETCHED = /(\p{L})\1\1/u;
const ROMAN_NUMERAL = /^[IVXLCDM]+$/u;
/** Adverbs and negations between a modal and its verb ("Will definitely", "Can't not"). */
const MODAL_FOLLOWERS = new Set([
  'not',
  "n't",
  'never',
  'also',
  'just',
  'definitely',
  'probably',
  'totally',
  'really',
  'still',
  'def',
  'prob',
  'ever',
]);

/** True when the token is chat noise, never a name: interjections, laughter, stretched words, bare contractions. */
export function isChatNoise(token: Token): boolean {
  const word = token.lower;
  if (CHAT_WORDS.has(word) || BARE_CONTRACTIONS.has(word)) return true;
  if (ROMAN_NUMERAL.test(token.text)) return false;
  return LAUGHTER.test(word) || REPEATED_SYLLABLE.test(word) || STRETCHED.test(word);
}

/** True when an ALL-CAPS token in ordinary text shouts a word ("BEST", "LOVE") or names a thing ("TV", "ICU"). */
export function isEmphasis(tokens: readonly Token[], index: number, gazetteer: Gazetteer): boolean {
  const token = tokens[index];
  if (!token || !isAllCaps(token)) return false;
  // "TANNER FOXX": next to a name in capitals, a capitalised word is part of that name.
  if ([tokens[index - 1], tokens[index + 1]].some((near) => isCapsName(near, gazetteer)))
    return false;
  const word = token.lower.replaceAll('.', '');
  // "TV" is a thing; "Court TV" is a channel.
  if (COMMON_ACRONYMS.has(word)) return !continuesName(tokens, index);
  // Three-letter capitals are often acronyms ("PAP", "ERA"): only everyday words shout.
  const shouted =
    word.length >= 4 ? gazetteer.englishWords.has(word) : gazetteer.commonWords.has(word);
  if (word.length < 3 || !shouted) return false;
  return !(
    gazetteer.organizations.has(word) ||
    gazetteer.places.has(word) ||
    gazetteer.countries.has(word) ||
    gazetteer.nameParts.has(word) ||
    gazetteer.lastNames.has(word)
  );
}

function continuesName(tokens: readonly Token[], index: number): boolean {
  const previous = tokens[index - 1];
  if (!previous || previous.sentence !== tokens[index]?.sentence) return false;
  if (!/^\p{Lu}\p{Ll}/u.test(previous.text) || isClauseStart(tokens, index - 1)) return false;
  return !NEVER_NAMES.has(previous.lower) && !FUNCTION_WORDS.has(previous.lower);
}

function isCapsName(token: Token | undefined, gazetteer: Gazetteer): boolean {
  if (!token || !isAllCaps(token) || token.lower.length < 3) return false;
  const word = token.lower;
  return !gazetteer.englishWords.has(word) && !COMMON_ACRONYMS.has(word) && !CHAT_WORDS.has(word);
}

/** True when the token starts a clause: a sentence, or after punctuation or an interjection ("Thanks, Will do"). */
function isClauseStart(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  const previous = tokens[index - 1];
  if (!token || !previous || previous.sentence !== token.sentence) return true;
  if (/^[^\p{L}\p{N}]+$/u.test(previous.text) && previous.text !== "'s") return true;
  return isChatNoise(previous) || NEVER_NAMES.has(previous.lower);
}

/**
 * True when a capitalised word at the start of a clause is used as a verb: a modal before a verb,
 * pronoun or adverb ("Will do", "May I", "Will definitely"), or a verb before its object ("Mark my
 * words", "Hope you are well"). "Will Smith", "Will called" and "Thanks, Will!" stay names.
 */
export function isVerbUse(tokens: readonly Token[], index: number, gazetteer: Gazetteer): boolean {
  const token = tokens[index];
  const next = tokens[index + 1];
  if (!token || !next || next.sentence !== token.sentence || !/^\p{Ll}/u.test(next.text))
    return false;
  if (!isClauseStart(tokens, index)) return false;
  const word = token.lower;
  if (MODAL_WORDS.has(word))
    return (
      gazetteer.verbLemmas.get(next.lower) === next.lower ||
      OBJECT_STARTS.has(next.lower) ||
      MODAL_FOLLOWERS.has(next.lower)
    );
  return OBJECT_STARTS.has(next.lower) && isVerbWord(word, gazetteer);
}

/** A word that can be a verb's base form: compromise knows it, or the word list has its past tense ("marked"). */
function isVerbWord(word: string, gazetteer: Gazetteer): boolean {
  if (gazetteer.verbLemmas.get(word) === word) return true;
  const english = gazetteer.englishWords;
  if (!english.has(word)) return false;
  const doubled = `${word}${word.slice(-1)}ed`;
  return english.has(word.endsWith('e') ? `${word}d` : `${word}ed`) || english.has(doubled);
}

/**
 * True when a lone word that is first of all an ordinary word ("Hope", "Will", "Bill") is said of a
 * person: "Will said", "Bill called", "Will and I", "Will's", "Hope is my sister".
 */
export function hasPersonCueAfter(
  tokens: readonly Token[],
  last: number,
  gazetteer: Gazetteer,
): boolean {
  const next = tokens[last + 1]?.lower ?? '';
  const after = tokens[last + 2]?.lower ?? '';
  if (PERSON_NEXT_WORDS.has(next) || SPEECH_VERBS.has(next) || next === "'s") return true;
  if (WITH_SPEAKER_AFTER.has(`${next} ${after}`)) return true;
  const lemma = gazetteer.verbLemmas.get(next);
  if (lemma && lemma !== next && !next.endsWith('s') && !AUXILIARY_FORMS.has(next)) return true;
  return isCalledRelative(tokens, last);
}

/** "Chelsea is my best friend", "Will was our boss": the run is someone's relative, so a person. */
export function isCalledRelative(tokens: readonly Token[], last: number): boolean {
  const next = tokens[last + 1]?.lower ?? '';
  if (!AUXILIARY_FORMS.has(next) || !POSSESSIVES.has(tokens[last + 2]?.lower ?? '')) return false;
  for (let offset = 3; offset <= 5; offset += 1) {
    const word = tokens[last + offset]?.lower ?? '';
    if (kinshipRelation(word) !== undefined) return true;
    if (!/^\p{Ll}+$/u.test(word)) return false;
  }
  return false;
}
