import type { RelationType } from '../../domain/relation-type.js';
import { ORG_PREVIOUS_WORDS } from './lexicon/organisation-words.js';
import {
  ARTICLES,
  BIRTH_WORDS,
  CLAUSE_BREAKS,
  HOME_WORDS,
  PLACE_LINKS,
} from './lexicon/relation-cue-words.js';
import type { SentenceItem } from './relation-items.js';
import { isType, possessorAt, type RelationScan } from './relation-scan.js';

// Being in a place carries over to the place's region ("born in Concord, Mass." → Mass.).
const THROUGH_REGIONS: ReadonlySet<string> = new Set<RelationType>([
  'lives_in',
  'born_in',
  'located_in',
]);

/** Appositives and fronted places: "Acme, a Boston software firm", "In Paris, the OECD …". */
export function findAppositiveRelations(scan: RelationScan, items: readonly SentenceItem[]): void {
  for (let index = 0; index < items.length; index += 1) {
    const node = items[index]?.node;
    if (node === undefined || scan.nodes[node]?.relative) continue;
    if (items[index + 1]?.word === ',' && ARTICLES.has(items[index + 2]?.word ?? ''))
      describedAs(scan, items, index, node);
    if (isType(scan, node, ['LOCATION', 'ORG'])) {
      whereClause(scan, items, index, node);
      frontedPlace(scan, items, index, node);
    }
  }
}

/** "X, a LOC firm" / "X, an island nation in LOC" / "X, a LOC businessman". */
function describedAs(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
  subject: number,
): void {
  if (describesOrganisation(items, index + 3)) retype(scan, subject, 'ORG');
  const relation = isType(scan, subject, ['PERSON']) ? 'lives_in' : 'located_in';
  if (!isType(scan, subject, ['PERSON', 'ORG', 'LOCATION'])) return;
  const employer = items[index + 3]?.node;
  // "Gary Hess, an Emery employee": an organisation right after the article employs X.
  if (employer !== undefined && isType(scan, employer, ['ORG'])) {
    if (isType(scan, subject, ['PERSON'])) scan.add(subject, employer, 'works_for', 0.6, items);
    return;
  }
  for (let cursor = index + 3; cursor < index + 10; cursor += 1) {
    const item = items[cursor];
    if (!item || CLAUSE_BREAKS.has(item.word)) return;
    if (item.node === undefined) continue;
    if (!isType(scan, item.node, ['LOCATION'])) return;
    const previous = items[cursor - 1]?.word ?? '';
    // A place right after the article describes X; a place after other words must follow "in".
    const next = items[cursor + 1];
    const modifies = cursor === index + 3 && next !== undefined && /^\p{Ll}/u.test(next.word);
    if (modifies || PLACE_LINKS.has(previous)) scan.add(subject, item.node, relation, 0.6, items);
    return;
  }
}

/** "Rolling Fork, where Elvis was born" → born_in; "… where she lives" → lives_in. */
function whereClause(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
  place: number,
): void {
  let cursor = index + 1;
  if (items[cursor]?.word === ',') cursor += 1;
  // "Tampa is where my cousin Ruth lives".
  else if (items[cursor]?.word === 'is' || items[cursor]?.word === 'was') cursor += 1;
  if (items[cursor]?.word !== 'where') return;
  // Whatever "where someone was born" follows is a place.
  retype(scan, place, 'LOCATION');
  const owner = possessorAt(scan, items, cursor + 1);
  // "where my cousin Ruth lives": the relative named after the possessive lives there.
  if (owner && items[owner[1]]?.node === undefined && items[owner[1] + 1]?.node !== undefined)
    cursor = owner[1];
  const person = items[cursor + 1]?.node;
  if (person === undefined || !isType(scan, person, ['PERSON'])) return;
  for (let step = cursor + 2; step < cursor + 5; step += 1) {
    const word = items[step]?.word ?? '';
    const type = BIRTH_WORDS.has(word) ? 'born_in' : HOME_WORDS.has(word) ? 'lives_in' : undefined;
    if (type) {
      scan.add(person, place, type, 0.7, items);
      return;
    }
  }
}

/** "In Washington, the General Accounting Office said …": the organisation is based there. */
function frontedPlace(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
  place: number,
): void {
  if (!isType(scan, place, ['LOCATION'])) return;
  if (index !== 1 || items[0]?.word !== 'in' || items[index + 1]?.word !== ',') return;
  let cursor = index + 2;
  if (items[cursor]?.word === 'the') cursor += 1;
  const org = items[cursor]?.node;
  if (org !== undefined && isType(scan, org, ['ORG']))
    scan.add(org, place, 'located_in', 0.6, items);
}

/** "born in Concord, Mass.": whoever or whatever is in a place is also in that place's region. */
export function extendThroughRegions(scan: RelationScan): void {
  const regionOf = new Map<number, number>();
  for (const relation of scan.relations)
    if (relation.type === 'located_in' && isType(scan, relation.targetIndex, ['LOCATION']))
      regionOf.set(relation.sourceIndex, relation.targetIndex);
  for (const relation of [...scan.relations]) {
    if (!THROUGH_REGIONS.has(relation.type)) continue;
    const region = regionOf.get(relation.targetIndex);
    if (region === undefined || region === relation.sourceIndex) continue;
    const known = scan.relations.some(
      (other) =>
        other.sourceIndex === relation.sourceIndex &&
        other.targetIndex === region &&
        other.type === relation.type,
    );
    if (!known)
      scan.relations.push({
        ...relation,
        targetIndex: region,
        confidence: relation.confidence - 0.1,
      });
  }
}

/** "X, a Boston software firm": the description names a kind of organisation. */
function describesOrganisation(items: readonly SentenceItem[], start: number): boolean {
  for (let cursor = start; cursor < start + 6; cursor += 1) {
    const item = items[cursor];
    if (!item || CLAUSE_BREAKS.has(item.word)) return false;
    if (item.node === undefined && ORG_PREVIOUS_WORDS.has(item.word)) return true;
  }
  return false;
}

/** Changes the type of a weakly typed name (default guesses only, never lexicon matches). */
function retype(scan: RelationScan, index: number, type: 'ORG' | 'LOCATION'): void {
  const node = scan.nodes[index];
  if (node && node.speaker === undefined && node.type !== type && node.confidence <= 0.6)
    scan.nodes[index] = { ...node, type };
}
