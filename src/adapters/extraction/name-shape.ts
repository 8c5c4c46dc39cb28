import type { Gazetteer } from './gazetteer.js';
import { ORG_HEAD_WORDS } from './lexicon/organisation-words.js';
import { isKnownName, isNamePart, looksLikeCommonWord } from './name-lists.js';
import type { RunType } from './name-mention.js';
import type { Token } from './tokenizer.js';

/** A titled thing of unknown kind ("Manhunt Sex Offenders", "Rolling Fork"): kept for relations only. */
const UNKNOWN_THING: RunType = { type: 'MISC', confidence: 0.5, auxiliary: true };

// "EquuSearch", "YouTube", "AtwoodGames": a word glued to a capitalised English word, a company;
// "McDonald", "DeLay", "LeBron", "DiCaprio", "MacArthur" are people's names.
const CAMEL_CASE = /^(\p{Lu}\p{Ll}+)(\p{Lu}\p{Ll}{2,})$/u;
const NAME_PREFIX = /^(?:mc|mac|de|di|da|du|le|la|van|von|st)$/u;
// "TJ", "AJ", "CJ": two initials said as a name ("DJ" is a title).
const INITIALS_NAME = /^[A-CE-Z]J$/u;

/** The type a run's letters give it: acronyms, initials names, glued company names. */
export function byLetterShape(
  tokens: readonly Token[],
  first: number,
  last: number,
  gazetteer: Gazetteer,
): RunType | undefined {
  const token = tokens[first];
  if (!token || first !== last) return undefined;
  if (INITIALS_NAME.test(token.text)) return { type: 'PERSON', confidence: 0.6 };
  if (isAcronym(tokens, first, gazetteer)) return { type: 'ORG', confidence: 0.6 };
  const glued = CAMEL_CASE.exec(token.text);
  const [, head = '', tail = ''] = glued ?? [];
  if (
    glued &&
    !NAME_PREFIX.test(head.toLowerCase()) &&
    gazetteer.englishWords.has(tail.toLowerCase())
  )
    return { type: 'ORG', confidence: 0.6 };
  return undefined;
}

/** After "the": a family ("the Allens"), a team or a band ("the Lakers"), else an unknown thing. */
export function byArticle(words: readonly string[], gazetteer: Gazetteer): RunType | undefined {
  if (isFamilyName(words, gazetteer)) return { type: 'PERSON', confidence: 0.6 };
  if (isNamePart(words[0] ?? '', gazetteer)) return undefined;
  return isBodyName(words, gazetteer) ? { type: 'ORG', confidence: 0.6 } : UNKNOWN_THING;
}

/** The type a run's words give it when no list or context does. */
export function byShape(words: readonly string[], gazetteer: Gazetteer): RunType | undefined {
  const tail = words[words.length - 1] ?? '';
  // "S. Waugh", "G. Kersey": an initial then a word is a person.
  if (words.length === 2 && /^\p{L}\.$/u.test(words[0] ?? ''))
    return { type: 'PERSON', confidence: 0.6 };
  // "Manhunt Sex Offenders", "World Record": a name then an ordinary noun, or three unknown
  // words, are titles of shows, works and events as often as companies.
  if (words.length > 1 && gazetteer.englishWords.has(tail) && !isKnownName(tail, gazetteer))
    return byOrdinaryTail(words, gazetteer);
  if (words.length >= 3) return UNKNOWN_THING;
  if (words.length === 2) return { type: 'PERSON', confidence: 0.55 };
  const word = words[0] ?? '';
  if (looksLikeCommonWord(word, gazetteer)) return { type: 'MISC', confidence: 0.3 };
  if (isNamePart(word, gazetteer)) return { type: 'PERSON', confidence: 0.6 };
  // "Solidarity", "Dune", "Song": a capitalised ordinary word alone is no name we can type.
  if (gazetteer.englishWords.has(word) && !gazetteer.wordNames.has(word)) return UNKNOWN_THING;
  // "Buddhas", "Jockies": the plural of an ordinary word.
  if (isOrdinaryPlural(word, gazetteer)) return UNKNOWN_THING;
  return { type: 'PERSON', confidence: 0.5 };
}

/** Acronyms (NASA, U.N., WBC) are mostly organisations, in chat as in news. */
function isAcronym(tokens: readonly Token[], index: number, gazetteer: Gazetteer): boolean {
  const token = tokens[index];
  if (!token || gazetteer.places.has(token.lower.replace(/\.$/u, ''))) return false;
  return (
    (/^\p{Lu}{2,5}$/u.test(token.text) && !capsContext(tokens, index)) ||
    /^(?:\p{Lu}\.){2,4}$/u.test(token.text)
  );
}

function capsContext(tokens: readonly Token[], index: number): boolean {
  const neighbour = tokens[index + 1] ?? tokens[index - 1];
  return neighbour !== undefined && /^\p{Lu}{2,}$/u.test(neighbour.text);
}

/** "the Allens", "the Obamas": a family, by the plural of a name. */
function isFamilyName(words: readonly string[], gazetteer: Gazetteer): boolean {
  const word = words[0] ?? '';
  if (words.length !== 1 || !/[^s']s$/u.test(word)) return false;
  const singular = word.slice(0, -1);
  return isNamePart(singular, gazetteer) && !gazetteer.englishWords.has(singular);
}

/** "the Lakers", "the Blue Jays": a plural name (not a people: "the Kurds", not "Avenue of Stars"). */
function isBodyName(words: readonly string[], gazetteer: Gazetteer): boolean {
  const word = words[words.length - 1] ?? '';
  if (!/[^s']s$/u.test(word) || gazetteer.places.has(word) || words.includes('of')) return false;
  return !gazetteer.demonyms.has(word) && !gazetteer.demonyms.has(word.slice(0, -1));
}

/** "International Paper" is a company, "Elon Musk" a person; "Manhunt Sex Offenders" unknown. */
function byOrdinaryTail(words: readonly string[], gazetteer: Gazetteer): RunType {
  const head = words[0] ?? '';
  if (ORG_HEAD_WORDS.has(head)) return { type: 'ORG', confidence: 0.6 };
  const unknownHead = !gazetteer.englishWords.has(head) && !isKnownName(head, gazetteer);
  return words.length === 2 && unknownHead ? { type: 'PERSON', confidence: 0.55 } : UNKNOWN_THING;
}

function isOrdinaryPlural(word: string, gazetteer: Gazetteer): boolean {
  if (!/[^s']s$/u.test(word)) return false;
  const stems = [word.slice(0, -1), word.replace(/ies$/u, 'y'), word.replace(/es$/u, '')];
  return stems.some((stem) => gazetteer.englishWords.has(stem) && !isNamePart(stem, gazetteer));
}
