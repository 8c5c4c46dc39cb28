import type { Gazetteer } from './gazetteer.js';
import { POSSESSIVE_INSTITUTION_HEADS, SAINT_WORDS } from './lexicon/organisation-words.js';
import { PERSON_TITLES } from './lexicon/person-words.js';
import { NEWSPAPER_STATES } from './lexicon/place-words.js';
import { runKey } from './team-context.js';
import type { Token } from './tokenizer.js';

const POSSESSIVE = /^['’][sS]$/u;
// "Mass", "Conn", "Calif": newspaper state abbreviations without their period.
const STATE_SHORT_FORMS = new Set(
  [...NEWSPAPER_STATES].map((state) => state.replaceAll('.', '').toLowerCase()),
);

/**
 * The last token of a name that goes on through a possessive: a known name written with one
 * ("McDonald's", "Trader Joe's"), or an institution named after someone ("Seattle Children's
 * Hospital", "St. Mary's Hospital", "Sam's Club"). Returns `last` when the name stops there.
 */
export function possessiveNameEnd(
  tokens: readonly Token[],
  [first, last]: readonly [number, number],
  nameLike: (index: number) => boolean,
  gazetteer: Gazetteer,
): number {
  const possessive = tokens[last + 1];
  if (!possessive || !POSSESSIVE.test(possessive.text)) return last;
  if (gazetteer.organizations.has(`${runKey(tokens, first, last)}'s`)) return last + 1;
  if (isSaintPossessive(tokens, [first, last], nameLike)) return last + 1;
  for (let end = last + 2; end <= last + 4 && nameLike(end); end += 1) {
    if (tokens[end]?.sentence !== possessive.sentence) break;
    if (POSSESSIVE_INSTITUTION_HEADS.has(tokens[end]?.lower ?? '') && !nameLike(end + 1))
      return end;
  }
  return last;
}

/**
 * "St. Mary's", "Saint Jude's" with nothing after: the hospital, school or church named after the
 * saint, as people call it ("I work at St. Mary's"); "St. Patrick's Day" goes on to its own word.
 */
function isSaintPossessive(
  tokens: readonly Token[],
  [first, last]: readonly [number, number],
  nameLike: (index: number) => boolean,
): boolean {
  if (last === first || !SAINT_WORDS.has(tokens[first]?.lower ?? '')) return false;
  const after = tokens[last + 2];
  return !after || after.sentence !== tokens[last + 1]?.sentence || !nameLike(last + 2);
}

// "Attorney General", "Major General": the words that make "General" part of a title.
const GENERAL_TITLE_HEADS = new Set(
  `attorney surgeon secretary inspector solicitor governor adjutant consul auditor comptroller
  accountant postmaster vicar procurator judge advocate lieutenant major brigadier receiver
  registrar paymaster quartermaster provost commissary director postmistress`.split(/\s+/),
);

/**
 * "Mass General", "Toronto General", "Mercy General": a hospital named after a place, a state or
 * a word, never a title (a military "General" comes before the name, "Attorney General" is a
 * title, and a bare "General" after a first name is a rank: "Tom General" is not written).
 */
export function isPlaceGeneral(words: readonly string[], gazetteer: Gazetteer): boolean {
  if (words.length < 2 || words.length > 3 || words[words.length - 1] !== 'general') return false;
  const place = words.slice(0, -1).join(' ');
  if (gazetteer.places.has(place) || STATE_SHORT_FORMS.has(place)) return true;
  const before = words[words.length - 2] ?? '';
  return !GENERAL_TITLE_HEADS.has(before) && !PERSON_TITLES.has(before);
}
