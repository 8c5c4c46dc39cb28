import type { RelationType } from '../../domain/relation-type.js';
import { COMPASS_WORDS, PLACE_NOUNS } from './lexicon/place-words.js';
import {
  LIST_JOINERS,
  LOCATING_WORDS,
  PERSON_LINKS,
  ROLE_DETERMINERS,
  ROLE_NOUNS,
} from './lexicon/relation-cue-words.js';
import type { SentenceItem } from './relation-items.js';
import { isType, type RelationScan, retype } from './relation-scan.js';
import { isRoleWord } from './role-words.js';

/** Appositive and noun-phrase relations common in written text ("Bill Gates, chairman of Microsoft"). */
export function findNewsRelations(scan: RelationScan, items: readonly SentenceItem[]): void {
  for (let index = 0; index < items.length; index += 1) {
    const node = items[index]?.node;
    // An unnamed relative ("Carpenter's brother") is named by the appositive that follows.
    if (node === undefined || scan.nodes[node]?.relative) continue;
    if (isType(scan, node, ['PERSON'])) personPatterns(scan, items, index, node);
    if (isType(scan, node, ['ORG', 'LOCATION', 'MISC']))
      rolePersonPattern(scan, items, index, node);
    if (isType(scan, node, ['ORG', 'LOCATION'])) placePatterns(scan, items, index, node);
  }
}

/** "PERSON, (the) ROLE of ORG", "PERSON of ORG/LOC", "PERSON, ORG's ROLE". */
function personPatterns(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
  person: number,
): void {
  let cursor = index + 1;
  const comma = items[cursor]?.word === ',';
  if (comma) cursor += 1;
  // "Marie Ferraro, 50, of Bethany": an age between commas.
  if (/^\d{1,3}$/u.test(items[cursor]?.word ?? '') && items[cursor + 1]?.word === ',') cursor += 2;
  const owner = items[cursor]?.node;
  if (comma && owner !== undefined && isType(scan, owner, ['ORG'])) {
    // "John Georges, International Paper's chairman".
    if (items[cursor + 1]?.word === "'s" && isRoleWord(items[cursor + 2]?.word ?? ''))
      scan.add(person, owner, 'works_for', 0.7, items);
    return;
  }
  const roleStart = cursor;
  const [roleEnd, role] = readRole(scan, items, cursor);
  cursor = roleEnd;
  const preposition = items[cursor]?.word ?? '';
  if (!PERSON_LINKS.has(preposition)) return;
  const target = items[cursor + (items[cursor + 1]?.word === 'the' ? 2 : 1)]?.node;
  if (target === undefined) return;
  const direct =
    // Not "at": "coffee with Grace at Starbucks" is a place to meet, not an employer.
    (cursor === index + 1 && preposition === 'of') ||
    (cursor === roleStart && cursor > index + 1 && preposition === 'of');
  if (isType(scan, target, ['ORG']) && (role || direct)) {
    scan.add(person, target, role ?? 'works_for', role ? 0.75 : 0.6, items);
  } else if (
    isType(scan, target, ['LOCATION']) &&
    // "Ann from Ohio", not "we moved from Seattle".
    (direct ||
      (preposition === 'from' && (cursor === index + 1 || comma)) ||
      role === 'lives_in' ||
      role === 'born_in')
  ) {
    scan.add(person, target, role === 'born_in' ? 'born_in' : 'lives_in', 0.65, items);
  } else if (isType(scan, target, ['LOCATION']) && role === 'works_for' && preposition !== 'at') {
    // "a lawyer in Boston" lives there; "a nurse at Mass General" works at a place misread as one.
    scan.add(person, target, 'lives_in', 0.55, items);
  } else if (
    role === 'works_for' &&
    COPULAS.has(items[index + 1]?.word ?? '') &&
    isWorkplace(scan, target)
  ) {
    retype(scan, target, 'ORG');
    scan.add(person, target, 'works_for', 0.6, items);
  }
}

// "I'm a waitress at …", "Rachel is a nurse at …": the person is the role.
const COPULAS: ReadonlySet<string> = new Set(['is', 'am', "'m", 'be', 'was', "'s"]);

/**
 * "I'm a waitress at Central Perk": a place name after a job and "at" that no town, region or
 * country list has is the workplace, misread as a place.
 */
function isWorkplace(scan: RelationScan, node: number): boolean {
  const found = scan.nodes[node];
  if (!found || !isType(scan, node, ['LOCATION'])) return false;
  const start = scan.tokens[found.firstToken]?.start ?? 0;
  const end = scan.tokens[found.lastToken]?.end ?? start;
  return !scan.gazetteer.places.has(scan.text.slice(start, end).toLowerCase());
}

/**
 * Reads lower-case words before a preposition: "a metals economist with", "deputy leader of",
 * "a professor of political science at". Returns where it stopped and the role found.
 */
function readRole(
  scan: RelationScan,
  items: readonly SentenceItem[],
  start: number,
): [number, RelationType | undefined] {
  let role: RelationType | undefined;
  let cursor = start;
  for (; cursor - start < 8; cursor += 1) {
    const item = items[cursor];
    const word = item?.word ?? '';
    if (!item || item.node !== undefined || word === 'who') break;
    if (PERSON_LINKS.has(word)) {
      const next = items[cursor + (items[cursor + 1]?.word === 'the' ? 2 : 1)];
      // "professor of political science at X": a role's own "of" phrase is skipped.
      if (next?.node !== undefined || word !== 'of') break;
      continue;
    }
    if (!/^\p{Ll}[\p{Ll}-]*$/u.test(word)) break;
    // "Rachel comes over to borrow …": a verb of the present ends what could be a role.
    const lemma = scan.gazetteer.verbLemmas.get(word);
    const verb = lemma !== undefined && lemma !== word && lemma !== 'be' && word.endsWith('s');
    if (verb && !isRoleWord(word)) break;
    role = ROLE_NOUNS.get(word) ?? (isRoleWord(word) ? (role ?? 'works_for') : role);
  }
  return [cursor, role];
}

/** "Microsoft chairman Bill Gates", "Texas Gov. Bill Clements". */
function rolePersonPattern(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
  owner: number,
): void {
  const possessive = items[index + 1]?.word === "'s";
  const start = possessive ? index + 2 : index + 1;
  if (
    isType(scan, owner, ['LOCATION']) &&
    placeOwnerPatterns(scan, items, start, owner, possessive)
  )
    return;
  const [cursor, role] = readOwnerRole(scan, items, start);
  const person = items[cursor]?.node;
  if (
    !role &&
    person !== undefined &&
    cursor === index + 1 &&
    isType(scan, owner, ['LOCATION']) &&
    isType(scan, person, ['ORG'])
  ) {
    scan.add(person, owner, 'located_in', 0.6, items);
    return;
  }
  if (!role || person === undefined || !isType(scan, person, ['PERSON'])) return;
  if (isType(scan, owner, ['ORG'])) scan.add(person, owner, role, 0.75, items);
  else if (isType(scan, owner, ['LOCATION'])) scan.add(person, owner, 'lives_in', 0.6, items);
}

/** "Bosnia's capital, Sarajevo", "Beijing's Tiananmen Square", "Illinois born Charlton Heston". */
function placeOwnerPatterns(
  scan: RelationScan,
  items: readonly SentenceItem[],
  cursor: number,
  place: number,
  possessive: boolean,
): boolean {
  const owned = items[cursor]?.node;
  const named = items[cursor + 2]?.node;
  if (possessive && PLACE_NOUNS.has(items[cursor]?.word ?? '') && items[cursor + 1]?.word === ',') {
    if (named !== undefined && isType(scan, named, ['LOCATION']))
      scan.add(named, place, 'located_in', 0.65, items);
    return true;
  }
  if (possessive && owned !== undefined && !scan.nodes[owned]?.relative) {
    if (isType(scan, owned, ['LOCATION', 'ORG'])) scan.add(owned, place, 'located_in', 0.6, items);
    if (isType(scan, owned, ['PERSON'])) scan.add(owned, place, 'lives_in', 0.6, items);
    return true;
  }
  const born = items[cursor + 1]?.node;
  if (items[cursor]?.word !== 'born' || born === undefined) return false;
  if (isType(scan, born, ['PERSON'])) scan.add(born, place, 'born_in', 0.65, items);
  return true;
}

/** Role words between an owner and a person: "chairman", "first lady", "Gov.". */
function readOwnerRole(
  scan: RelationScan,
  items: readonly SentenceItem[],
  start: number,
): [number, RelationType | undefined] {
  let role: RelationType | undefined;
  let adjectives = 0;
  let cursor = start;
  for (; cursor - start < 4; cursor += 1) {
    const word = items[cursor]?.word ?? '';
    if (items[cursor]?.node !== undefined) break;
    // "Philippines first lady Imelda Marcos": up to two plain modifiers before the role.
    const modifier = /^\p{Ll}{3,}$/u.test(word) && scan.gazetteer.commonWords.has(word);
    if (!ROLE_DETERMINERS.has(word) && !isRoleWord(word) && !(modifier && adjectives < 2)) break;
    if (modifier && !isRoleWord(word)) adjectives += 1;
    role = ROLE_NOUNS.get(word) ?? (isRoleWord(word) ? (role ?? 'works_for') : role);
  }
  return [cursor, role];
}

/** "Seattle, Washington", "Boston in Massachusetts", "Acme, based in Ohio". */
function placePatterns(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
  inner: number,
): void {
  let cursor = index + 1;
  const first = items[cursor]?.word ?? '';
  if (first === ',' || first === '(') cursor += 1;
  if (LOCATING_WORDS.has(items[cursor]?.word ?? '')) cursor += 1;
  const link = items[cursor]?.word ?? '';
  const hasLink = link === 'in' || (link === 'of' && isType(scan, inner, ['ORG']));
  if (hasLink) cursor += 1;
  if (hasLink || first === ',') cursor = skipRegionWords(items, cursor);
  const outer = items[cursor]?.node;
  if (outer === undefined || !isType(scan, outer, ['LOCATION'])) return;
  if (!hasLink && first !== ',' && first !== '(') return;
  if (!hasLink && isType(scan, inner, ['ORG']) && first === ',') return;
  if (!hasLink && (isCountry(scan, inner) || isInList(scan, items, index, cursor))) return;
  scan.add(inner, outer, 'located_in', hasLink ? 0.7 : 0.65, items);
}

/** A country is never inside another place named beside it ("Colombia, Bolivia"). */
function isCountry(scan: RelationScan, node: number): boolean {
  const found = scan.nodes[node];
  if (!found) return false;
  const start = scan.tokens[found.firstToken]?.start ?? 0;
  const end = scan.tokens[found.lastToken]?.end ?? start;
  return scan.gazetteer.countries.has(scan.text.slice(start, end).toLowerCase());
}

/** "Tokyo, Kyoto, Osaka": places in a comma list, not a place and its region. */
function isInList(
  scan: RelationScan,
  items: readonly SentenceItem[],
  innerIndex: number,
  outerIndex: number,
): boolean {
  const before = items[innerIndex - 2]?.node;
  const after = items[outerIndex + 2]?.node;
  const listedBefore =
    items[innerIndex - 1]?.word === ',' &&
    before !== undefined &&
    isType(scan, before, ['LOCATION']);
  const listedAfter =
    LIST_JOINERS.has(items[outerIndex + 1]?.word ?? '') &&
    after !== undefined &&
    isType(scan, after, ['LOCATION']);
  return listedBefore || listedAfter;
}

const REGION_WORDS =
  /^(?:the|(?:north|south)-?(?:east|west)(?:ern)?|part|parts|downtown|suburban|rural)$/u;

/** Skips "the southeastern part of", "eastern", "south-east" before a place. */
function skipRegionWords(items: readonly SentenceItem[], start: number): number {
  let cursor = start;
  while (cursor - start < 5) {
    const word = items[cursor]?.word ?? '';
    const isRegionWord = COMPASS_WORDS.has(word) || REGION_WORDS.test(word);
    if (!isRegionWord && !(word === 'of' && /^parts?$/u.test(items[cursor - 1]?.word ?? ''))) break;
    cursor += 1;
  }
  return cursor;
}
