import type { Gazetteer } from './gazetteer.js';
import { EVENT_SUFFIXES } from './lexicon/event-words.js';
import { CONNECTORS } from './lexicon/name-words.js';
import { ORG_SUFFIXES } from './lexicon/organisation-words.js';
import { PARTY_WORDS } from './lexicon/person-words.js';
import { FACILITY_HEADS, PLACE_SUFFIXES } from './lexicon/place-words.js';
import { isKnownName } from './name-lists.js';
import { runKey } from './team-context.js';
import { isAllCaps, type Token } from './tokenizer.js';

/**
 * True when one name ends after token `index` inside the capitalised run `start..last`. Speech
 * transcripts and chat often drop the commas between names: "Honolulu Hawaii", "Keith Oppenheim
 * CNN New Orleans", "Yoko Ono Diane Sawyer", "Paula Paula".
 */
export function endsNameAfter(
  tokens: readonly Token[],
  index: number,
  start: number,
  last: number,
  gazetteer: Gazetteer,
): boolean {
  const token = tokens[index];
  const next = tokens[index + 1];
  if (!token || !next || index >= last) return false;
  if (endsBeforePerson(tokens, index, start, last, gazetteer)) return true;
  if (CONNECTORS.has(token.lower)) return false;
  // "Paula Paula": a repeated word; "Texas Republican Congressman": a party word after a name,
  // unless the whole run is an organisation or an event ("Kurdistan Democratic Party").
  if (token.lower === next.lower) return true;
  const tail = tokens[last]?.lower ?? '';
  if (PARTY_WORDS.has(next.lower) && !ORG_SUFFIXES.has(tail) && !EVENT_SUFFIXES.has(tail))
    return true;
  if (isCapsOrganization(next, gazetteer) && !isAllCaps(token)) return true;
  const building = FACILITY_HEADS.has(tokens[last]?.lower ?? '');
  if (isCapsOrganization(token, gazetteer) && !isAllCaps(next) && !ORG_SUFFIXES.has(next.lower))
    return !building;
  return (
    endsBeforeRegion(tokens, index, start, last, gazetteer) ||
    endsBeforeNextPerson(tokens, [index, start, last], gazetteer)
  );
}

/** "CNN", "MSNBC": a known organisation written in capitals. */
function isCapsOrganization(token: Token, gazetteer: Gazetteer): boolean {
  return isAllCaps(token) && token.text.length >= 3 && gazetteer.organizations.has(token.lower);
}

/** "Honolulu Hawaii", "Barcelona Spain", "Bowling Green Kentucky": a place, then its state or country. */
function endsBeforeRegion(
  tokens: readonly Token[],
  index: number,
  start: number,
  last: number,
  gazetteer: Gazetteer,
): boolean {
  const whole = runKey(tokens, start, last);
  if (gazetteer.places.has(whole) || gazetteer.organizations.has(whole)) return false;
  const head = runKey(tokens, start, index);
  const headIsPlace = gazetteer.places.has(head);
  for (let end = index + 1; end <= Math.min(last, index + 3); end += 1) {
    const region = runKey(tokens, index + 1, end);
    if (!gazetteer.countries.has(region) && !gazetteer.usStates.has(region)) continue;
    // "Lantau Island": a place word is no country, whatever the alternative spellings say.
    if (PLACE_SUFFIXES.has(region) || ORG_SUFFIXES.has(region)) return false;
    if (gazetteer.places.has(runKey(tokens, index, end))) return false;
    // "Michael Jordan", "Air France": after a first name or one ordinary word it is one name.
    if (headIsPlace) return true;
    const first = tokens[start]?.lower ?? '';
    const ordinary = index === start && gazetteer.englishWords.has(first);
    const named =
      gazetteer.firstNames.has(first) ||
      gazetteer.lastNames.has(region) ||
      gazetteer.people.has(region);
    return end === last && !ordinary && !named && !ORG_SUFFIXES.has(tokens[index]?.lower ?? '');
  }
  return false;
}

/** "Soviet Navy Nikolai Kuznetsov": a non-name word right before a first name ends a name. */
function endsBeforePerson(
  tokens: readonly Token[],
  index: number,
  start: number,
  last: number,
  gazetteer: Gazetteer,
): boolean {
  if (index === start || index >= last) return false;
  const word = tokens[index]?.lower ?? '';
  const next = tokens[index + 1]?.lower ?? '';
  if (!gazetteer.firstNames.has(next) || gazetteer.englishWords.has(next)) return false;
  return !isKnownName(word, gazetteer) && !gazetteer.wordNames.has(word) && !/\.$/u.test(word);
}

/** "Yoko Ono Diane Sawyer": a surname, then another first name, makes two people. */
function endsBeforeNextPerson(
  tokens: readonly Token[],
  [index, start, last]: readonly [number, number, number],
  gazetteer: Gazetteer,
): boolean {
  if (index === start) return false;
  const word = tokens[index]?.lower ?? '';
  const next = tokens[index + 1]?.lower ?? '';
  const before = tokens[index - 1]?.lower ?? '';
  if (!gazetteer.firstNames.has(next) || gazetteer.commonWords.has(next)) return false;
  // "Paul Kelly Steve Sodbury": a surname that is a first name too, when a surname follows.
  const surnameToo = gazetteer.lastNames.has(word) && index + 2 <= last;
  if ((gazetteer.firstNames.has(word) && !surnameToo) || gazetteer.commonWords.has(word))
    return false;
  if (!gazetteer.firstNames.has(before) && !gazetteer.nameParts.has(before)) return false;
  return isNamePart(word, gazetteer) || gazetteer.wordNames.has(word);
}

function isNamePart(word: string, gazetteer: Gazetteer): boolean {
  return (
    gazetteer.lastNames.has(word) ||
    gazetteer.nameParts.has(word) ||
    gazetteer.firstNames.has(word) ||
    gazetteer.people.has(word)
  );
}
