import { genderOfPronoun } from './earlier-people.js';
import { type KinshipPhrase, readKinship } from './kinship.js';
import { NATIONALITY_ENDINGS } from './lexicon/misc-words.js';
import { NAMING_WORDS } from './lexicon/name-words.js';
import { KINSHIP_COPULAS, VERB_MODIFIERS } from './lexicon/relation-cue-words.js';
import type { RelativeOf, SentenceItem } from './relation-items.js';
import { isType, nodeName, possessorAt, type RelationScan, retype } from './relation-scan.js';
import type { Subject } from './verb-relation-patterns.js';

// What a name the finder typed may be, when kinship says it is a person.
const NAME_TYPES = ['PERSON', 'LOCATION', 'ORG', 'MISC'] as const;

// Counts before a plural kinship noun ("two kids, Leo and Mia", "a son, Jake").
const COUNT = /^(?:a|an|one|two|three|four|five|six|\d)$/u;
// "Leo who is 7", "Mia (4)", "Leo, 7,": what may follow a name inside a list.
const AGE = /^\d{1,2}$/u;

/**
 * Family and social relations: "my sister Ana", "my kids, Leo and Mia", "two kids, Leo who is 7
 * and Mia who is 4", "Sarah is my sister", "my manager is Priya Shah", "Chandler's my husband",
 * "Whitney, Kyle's ex-wife".
 */
export function findFamilyRelations(
  scan: RelationScan,
  items: readonly SentenceItem[],
  subjects: ReadonlyArray<Subject | undefined>,
): void {
  for (let index = 0; index < items.length; index += 1) {
    const owner = possessorAt(scan, items, index);
    if (owner) possessedKin(scan, items, owner[0], owner[1]);
    else countedKin(scan, items, index, subjects[index]);
    copularKin(scan, items, index);
    apposedKin(scan, items, index);
  }
}

// What may follow an apposed relative ("Whitney, Kyle's ex-wife, …", "… out there", "Ben, my
// son from my first marriage").
const APPOSITION_ENDS: ReadonlySet<string> = new Set([
  ',',
  '.',
  '!',
  '?',
  ';',
  'out',
  'over',
  'from',
]);

/** "Whitney, Kyle's ex-wife", "Ross, my brother, is here": a name and its relative in apposition. */
function apposedKin(scan: RelationScan, items: readonly SentenceItem[], index: number): void {
  const item = items[index];
  const node = item?.node;
  if (node === undefined || item?.viaPronoun || items[index + 1]?.word !== ',') return;
  if (!isType(scan, node, NAME_TYPES) || scan.nodes[node]?.speaker !== undefined) return;
  if (scan.nodes[node]?.relative || scan.nodes[node]?.addressee) return;
  // "Kyle's ex-wife" is two items: the owner's name, then the relative it owns.
  const owned = scan.nodes[items[index + 3]?.node ?? -1]?.relative?.owner;
  const at = owned !== undefined && owned === items[index + 2]?.node ? index + 3 : index + 2;
  const apposed = items[at]?.node;
  const relative = apposed === undefined ? undefined : scan.nodes[apposed]?.relative;
  const after = items[at + 1]?.word;
  if (!relative || relative.owner === node || (after !== undefined && !APPOSITION_ENDS.has(after)))
    return;
  retype(scan, node, 'PERSON');
  scan.addKin(relative.owner, node, relative.kinship, 0.75, items);
}

/** "my (little) sister (,) Ana", "my kids Leo and Mia", "my ex Jordan". */
function possessedKin(
  scan: RelationScan,
  items: readonly SentenceItem[],
  owner: number,
  start: number,
): void {
  const phrase = readKinship((index) => wordAt(items, index), start);
  if (!phrase) return;
  linkNames(scan, items, owner, phrase, 0.85);
}

/** "(I have) two kids, Leo and Mia": the owner is the subject in force, or the speaker. */
function countedKin(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
  subject: Subject | undefined,
): void {
  if (!COUNT.test(items[index]?.word ?? '')) return;
  const phrase = readKinship((at) => wordAt(items, at), index + 1);
  const separator = items[(phrase?.index ?? 0) + 1]?.word;
  if (!phrase || (separator !== ',' && separator !== ':')) return;
  const owner =
    subject?.nodes[0] ?? (scan.speaker === undefined ? undefined : speakerOf(scan, items, index));
  if (owner === undefined || !isType(scan, owner, ['PERSON'])) return;
  linkNames(scan, items, owner, phrase, 0.8);
}

/** The speaker node of the sentence's first person, or a new one on the count word. */
function speakerOf(scan: RelationScan, items: readonly SentenceItem[], index: number): number {
  const mentioned = items.find(
    (item) => item.node !== undefined && scan.nodes[item.node]?.speaker !== undefined,
  );
  return mentioned?.node ?? scan.addSpeaker(items[index]?.tokenIndex ?? 0);
}

/** Links the owner to the name after the noun, and for a plural noun to every name of a list. */
function linkNames(
  scan: RelationScan,
  items: readonly SentenceItem[],
  owner: number,
  { kinship, noun, index }: KinshipPhrase,
  confidence: number,
): void {
  let cursor = index + 1;
  const opener = items[cursor]?.word ?? '';
  if (opener === ',' || opener === ':' || NAMING_WORDS.has(opener)) cursor += 1;
  for (;;) {
    const name = items[cursor]?.node;
    if (name === undefined || !isType(scan, name, NAME_TYPES)) return;
    if (scan.nodes[name]?.speaker !== undefined) return;
    retype(scan, name, 'PERSON');
    scan.addKin(owner, name, kinship, confidence, items);
    if (!kinship.plural) {
      nameRelative(scan, name, owner, noun);
      return;
    }
    cursor = afterListed(items, cursor + 1);
    if (cursor < 0) return;
  }
}

/** "my sister Ana": Ana is also "amy's sister", the name a later "my sister" gets. */
function nameRelative(scan: RelationScan, name: number, owner: number, noun: string): void {
  const node = scan.nodes[name];
  if (node && node.alias === undefined && !node.relative)
    scan.nodes[name] = { ...node, alias: `${nodeName(scan, owner)}'s ${noun}` };
}

/** Where the next name of a list starts after "who is 7", "(4)", ", and", or -1 at its end. */
function afterListed(items: readonly SentenceItem[], start: number): number {
  let cursor = start;
  const word = (at: number) => items[at]?.word ?? '';
  if (word(cursor) === 'who' && (word(cursor + 1) === 'is' || word(cursor + 1) === "'s"))
    cursor += 2;
  else if (word(cursor) === '(' && AGE.test(word(cursor + 1))) cursor += 2;
  else if (word(cursor) === ',' && AGE.test(word(cursor + 1))) cursor += 2;
  if (AGE.test(word(cursor)) && cursor > start) cursor += 1;
  if (word(cursor) === ')') cursor += 1;
  if (word(cursor) === ',') cursor += 1;
  if (word(cursor) === 'and' || word(cursor) === '&') cursor += 1;
  return cursor > start && items[cursor]?.node !== undefined ? cursor : -1;
}

/**
 * "Sarah is my sister" / "Dan is my manager" (name, copula, relative), and "my manager (at Dell)
 * (now) is Priya Shah" / "my husband's name is Hannigan" (relative, copula, name).
 */
function copularKin(scan: RelationScan, items: readonly SentenceItem[], index: number): void {
  const node = items[index]?.node;
  if (node === undefined) return;
  const relative = scan.nodes[node]?.relative;
  if (relative) {
    const name = nameAfterCopula(scan, items, index + 1);
    if (name === undefined || name === relative.owner) return;
    retype(scan, name, 'PERSON');
    scan.addKin(relative.owner, name, relative.kinship, 0.8, items);
    workplace(scan, items, index + 1, name, relative);
    return;
  }
  if (!isType(scan, node, NAME_TYPES) || scan.nodes[node]?.speaker !== undefined) return;
  // A pronoun only for a person an earlier turn named ("I invited Amy." … "She's my sister").
  if (items[index]?.viaPronoun && !scan.nodes[node]?.earlier) return;
  let cursor = index + 1;
  if (!KINSHIP_COPULAS.has(items[cursor]?.word ?? '')) return;
  while (VERB_MODIFIERS.has(items[cursor + 1]?.word ?? '')) cursor += 1;
  // "Monica is Ross's sister": the owner's name, then the relative it owns.
  const owned = scan.nodes[items[cursor + 2]?.node ?? -1]?.relative?.owner;
  if (owned !== undefined && owned === items[cursor + 1]?.node) cursor += 1;
  const possessed = items[cursor + 1]?.node;
  const found = possessed === undefined ? undefined : scan.nodes[possessed]?.relative;
  if (!found || found.owner === node) return;
  // "she's my brother" is no kinship said of her (a joke, a misreading): the genders must agree.
  const pronoun = genderOfPronoun(items[index]?.word ?? '');
  if (pronoun && found.kinship.gender && pronoun !== found.kinship.gender) return;
  // "Chandler's my husband": whatever the place list said, Chandler is a person.
  retype(scan, node, 'PERSON');
  scan.addKin(found.owner, node, found.kinship, 0.8, items);
}

// Relations between people at one workplace: "my manager at Dell" works there, and so do I.
const WORK_RELATIONS: ReadonlySet<string> = new Set(['reports_to', 'coworker_of', 'colleague_of']);

/** "my manager at Dell is Dan": Dan works for Dell, and so does the one he manages. */
function workplace(
  scan: RelationScan,
  items: readonly SentenceItem[],
  start: number,
  name: number,
  relative: RelativeOf,
): void {
  const employer = items[start]?.word === 'at' ? items[start + 1]?.node : undefined;
  if (employer === undefined || !isType(scan, employer, ['ORG'])) return;
  scan.add(name, employer, 'works_for', 0.7, items);
  if (WORK_RELATIONS.has(relative.kinship.type))
    scan.add(relative.owner, employer, 'works_for', 0.65, items);
}

/** The name in "… (at Dell) (now) is Priya", "…'s name is Hannigan", "…, Tom Hanks,", or undefined. */
function nameAfterCopula(
  scan: RelationScan,
  items: readonly SentenceItem[],
  start: number,
): number | undefined {
  let cursor = start;
  const word = (at: number) => items[at]?.word ?? '';
  if ((word(cursor) === 'at' || word(cursor) === 'from') && items[cursor + 1]?.node !== undefined)
    cursor += 2;
  if (word(cursor) === "'s" && word(cursor + 1) === 'name') cursor += 2;
  // "my boss at Acme, Tom Hanks, is great": a name set off by commas.
  const apposed = items[cursor + 1]?.node;
  if (word(cursor) === ',' && apposed !== undefined && word(cursor + 2) === ',')
    return isType(scan, apposed, ['PERSON']) ? apposed : undefined;
  while (VERB_MODIFIERS.has(word(cursor)) && word(cursor) !== 'is') cursor += 1;
  if (word(cursor) !== 'is' && word(cursor) !== 'was' && word(cursor) !== "'s") return undefined;
  cursor += 1;
  // "my brother is Will": a name is never the modal its word spells.
  while (VERB_MODIFIERS.has(word(cursor)) && items[cursor]?.node === undefined) cursor += 1;
  const name = items[cursor]?.node ?? firstNameAt(scan, items, cursor);
  if (name === undefined || !isType(scan, name, NAME_TYPES) || isQuality(scan, name))
    return undefined;
  const next = items[cursor + 1];
  const possessed = next?.node === undefined ? undefined : scan.nodes[next.node]?.relative;
  // "my sister is Ana's age", "she's Emma's aunt": not a name of the relative.
  if (next?.word === "'s" || possessed?.owner === name) return undefined;
  return scan.nodes[name]?.speaker !== undefined ? undefined : name;
}

/**
 * "my sister is Jewish", "… is American", "… is Catholic": a one-word name that is a demonym or
 * has a nationality or religion ending, and is no known first name ("Brian"), says what, not who.
 */
function isQuality(scan: RelationScan, index: number): boolean {
  const node = scan.nodes[index];
  if (!node || node.firstToken !== node.lastToken) return false;
  const word = scan.tokens[node.firstToken]?.lower ?? '';
  const { demonyms, firstNames, nameParts } = scan.gazetteer;
  if (demonyms.has(word)) return true;
  if (firstNames.has(word) || nameParts.has(word)) return false;
  return [...NATIONALITY_ENDINGS].some((ending) => word.endsWith(ending));
}

// What may end "my sister is Jasmine" for the capitalised word to be her name.
const NAME_ENDS: ReadonlySet<string> = new Set(['.', '!', '?', ',', ';', 'and', 'but']);

/**
 * "Issac's sister is Jasmine": a capitalised first name the finder took for a word ("jasmine",
 * "grace"), ending the clause after the copula, becomes a person node.
 */
function firstNameAt(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
): number | undefined {
  const item = items[index];
  const token = item === undefined ? undefined : scan.tokens[item.tokenIndex];
  if (!item || !token || !/^\p{Lu}\p{Ll}+$/u.test(token.text)) return undefined;
  const end = items[index + 1]?.word;
  if (end !== undefined && !NAME_ENDS.has(end)) return undefined;
  const { firstNames, nameParts, wordNames, demonyms } = scan.gazetteer;
  const known = firstNames.has(item.word) || nameParts.has(item.word) || wordNames.has(item.word);
  if (!known || demonyms.has(item.word)) return undefined;
  const name = scan.addName(item.tokenIndex, item.tokenIndex, 'PERSON');
  // Later patterns of this sentence see the new name as the node it now is.
  (items as SentenceItem[])[index] = { ...item, node: name };
  return name;
}

/** The plain word at `index`, or undefined at a name (kinship phrases stop there). */
function wordAt(items: readonly SentenceItem[], index: number): string | undefined {
  const item = items[index];
  return item && item.node === undefined ? item.word : undefined;
}
