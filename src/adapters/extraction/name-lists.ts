import type { Gazetteer } from './gazetteer.js';

const COMMON_SUFFIXES =
  /(?:tion|tions|sion|sions|ment|ments|ness|ity|ities|ing|ings|ers|ors|ism|ist|ists|ly|ous|ive|able|ible|ical|ance|ence|ship)$/u;

/** True when a name list knows the word as part of people's names. */
export function isNamePart(word: string, gazetteer: Gazetteer): boolean {
  return (
    gazetteer.nameParts.has(word) || gazetteer.firstNames.has(word) || gazetteer.lastNames.has(word)
  );
}

/** True when the word is in a name, place or organisation list. */
export function isKnownName(word: string, gazetteer: Gazetteer): boolean {
  return (
    isNamePart(word, gazetteer) ||
    gazetteer.places.has(word) ||
    gazetteer.organizations.has(word) ||
    gazetteer.countries.has(word)
  );
}

/** "Lee Harvey Oswald", "Ulf D. Merbold": every word a name part or initial, one not a word. */
export function isFullName(words: readonly string[], gazetteer: Gazetteer): boolean {
  if (words.length < 2 || words.length > 4) return false;
  const initial = (word: string): boolean => /^\p{L}\.?$/u.test(word);
  const strong = words.filter((word) => isNamePart(word, gazetteer)).length;
  const weak = words.filter((word) => gazetteer.wordNames.has(word) || initial(word)).length;
  return strong > 0 && strong + weak === words.length;
}

/** A capitalised word that is probably an ordinary English word ("Discussions", "Scorers"). */
export function looksLikeCommonWord(word: string, gazetteer: Gazetteer): boolean {
  if (
    gazetteer.firstNames.has(word) ||
    gazetteer.places.has(word) ||
    gazetteer.organizations.has(word)
  )
    return false;
  if (gazetteer.commonWords.has(word) || gazetteer.verbLemmas.has(word)) return true;
  // "Quarter-final", "Year-on-year": a compound of ordinary words.
  if (word.includes('-') && word.split('-').every((part) => isOrdinaryPart(part, gazetteer)))
    return true;
  if (
    word.endsWith('s') &&
    (gazetteer.commonWords.has(word.slice(0, -1)) || gazetteer.commonWords.has(word.slice(0, -2)))
  )
    return true;
  return word.length > 5 && COMMON_SUFFIXES.test(word);
}

function isOrdinaryPart(part: string, gazetteer: Gazetteer): boolean {
  return (
    /^\p{N}+$/u.test(part) || (gazetteer.englishWords.has(part) && !isKnownName(part, gazetteer))
  );
}
