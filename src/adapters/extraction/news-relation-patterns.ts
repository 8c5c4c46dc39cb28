import { ROLE_NOUNS } from './lexicon/relation-cues.js';
import type { SentenceItem } from './relation-items.js';
import { isType, type RelationScan } from './relation-scan.js';

const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'its',
  'his',
  'her',
  'their',
  'former',
  'deputy',
  'assistant',
  'senior',
  'top',
  'chief',
  'executive',
  'vice',
  'general',
  'managing',
  'longtime',
  'new',
  'acting',
  'associate',
  'staff',
]);
const LOCATING_WORDS = new Set(['based', 'headquartered', 'located', 'situated']);

/** Appositive and noun-phrase relations common in written text ("Bill Gates, chairman of Microsoft"). */
export function findNewsRelations(scan: RelationScan, items: readonly SentenceItem[]): void {
  for (let index = 0; index < items.length; index += 1) {
    const node = items[index]?.node;
    if (node === undefined) continue;
    if (isType(scan, node, ['PERSON'])) personPatterns(scan, items, index, node);
    if (isType(scan, node, ['ORG', 'LOCATION', 'MISC']))
      rolePersonPattern(scan, items, index, node);
    if (isType(scan, node, ['ORG', 'LOCATION'])) placePatterns(scan, items, index, node);
  }
}

/** "PERSON, (the) ROLE of ORG" and "PERSON of ORG/LOC". */
function personPatterns(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
  person: number,
): void {
  let cursor = index + 1;
  if (items[cursor]?.word === ',') cursor += 1;
  let role: string | undefined;
  const roleStart = cursor;
  // Up to four modifier words before the role noun: "a metals economist with", "deputy leader of".
  while (
    cursor - roleStart < 5 &&
    items[cursor]?.node === undefined &&
    /^\p{Ll}[\p{Ll}-]*$/u.test(items[cursor]?.word ?? '') &&
    !['of', 'at', 'for', 'with', 'from', 'who', 'and'].includes(items[cursor]?.word ?? '')
  ) {
    role = ROLE_NOUNS.get(items[cursor]?.word ?? '') ?? role;
    cursor += 1;
  }
  const preposition = items[cursor]?.word ?? '';
  if (!['of', 'at', 'for', 'with', 'from'].includes(preposition)) return;
  const target = items[cursor + 1]?.node;
  if (target === undefined) return;
  const direct = cursor === index + 1 && preposition === 'of';
  if (isType(scan, target, ['ORG']) && (role || direct)) {
    scan.add(person, target, role ?? 'works_for', role ? 0.75 : 0.6, items);
  } else if (
    isType(scan, target, ['LOCATION']) &&
    (direct || preposition === 'from' || role === 'lives_in' || role === 'born_in')
  ) {
    scan.add(person, target, role === 'born_in' ? 'born_in' : 'lives_in', 0.65, items);
  } else if (isType(scan, target, ['LOCATION']) && role === 'works_for') {
    scan.add(person, target, 'lives_in', 0.55, items);
  }
}

/** "Microsoft chairman Bill Gates", "Texas Gov. Bill Clements". */
function rolePersonPattern(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
  owner: number,
): void {
  let cursor = index + 1;
  if (items[cursor]?.word === "'s") cursor += 1;
  let role: string | undefined;
  while (DETERMINERS.has(items[cursor]?.word ?? '') || ROLE_NOUNS.has(items[cursor]?.word ?? '')) {
    role = ROLE_NOUNS.get(items[cursor]?.word ?? '') ?? role;
    cursor += 1;
  }
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
  const outer = items[cursor]?.node;
  if (outer === undefined || !isType(scan, outer, ['LOCATION'])) return;
  if (!hasLink && first !== ',' && first !== '(') return;
  if (!hasLink && isType(scan, inner, ['ORG']) && first === ',') return;
  scan.add(inner, outer, 'located_in', hasLink ? 0.7 : 0.65, items);
}
