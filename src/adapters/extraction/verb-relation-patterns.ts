import type { EntityType } from '../../domain/entity.js';
import { verbRelation } from '../../domain/relation-type.js';
import { PET_NOUNS } from './lexicon/misc-words.js';
import { NAMING_WORDS } from './lexicon/name-words.js';
import {
  BE_FORMS,
  GENERIC_VERB_STOPLIST,
  OBJECT_FILLERS,
  PET_DETERMINERS,
  PET_VERBS,
  PHRASE_STOPS,
  VERB_MODIFIERS,
  VERB_PREPOSITIONS,
} from './lexicon/relation-cue-words.js';
import type { SentenceItem } from './relation-items.js';
import { isType, type RelationScan } from './relation-scan.js';
import { VERB_PATTERNS, type VerbPattern } from './verb-patterns.js';

const SUBJECT_TYPES: readonly EntityType[] = ['PERSON', 'ORG'];

/** Subject–verb–object relations: typed verb patterns first, then the verb lemma for the rest. */
export function findVerbRelations(scan: RelationScan, items: readonly SentenceItem[]): void {
  const subjects = trackSubjects(scan, items);
  for (let index = 0; index < items.length; index += 1) {
    const subject = subjects[index];
    const item = items[index];
    if (subject === undefined || !item || item.node !== undefined) continue;
    const typed = matchTyped(scan, items, index, subject) || matchPet(scan, items, index, subject);
    if (typed === 0) matchGeneric(scan, items, index, subject);
    else index += typed - 1;
  }
}

/** For each item, the subject in force there: the latest node not governed by a verb or preposition. */
function trackSubjects(
  scan: RelationScan,
  items: readonly SentenceItem[],
): Array<number | undefined> {
  const subjects: Array<number | undefined> = [];
  let current: number | undefined;
  let governed = false;
  for (const [index, item] of items.entries()) {
    subjects.push(current);
    if (item.node !== undefined) {
      // "found Oswald acted alone": an object followed by its own verb starts a new clause.
      const after = items[index + 1]?.word === ',' ? items[index + 2] : items[index + 1];
      const opensClause = isFiniteVerb(scan, items[index + 1]?.word ?? '') || after?.word === 'who';
      if ((!governed || opensClause) && isType(scan, item.node, SUBJECT_TYPES)) current = item.node;
      governed = false;
    } else if (!OBJECT_FILLERS.has(item.word)) {
      governed = VERB_PREPOSITIONS.has(item.word) || scan.gazetteer.verbLemmas.has(item.word);
    }
  }
  return subjects;
}

function matchTyped(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
  subject: number,
): number {
  for (const pattern of VERB_PATTERNS) {
    const length = matchWords(items, index, pattern.words);
    if (length === 0) continue;
    if (!isType(scan, subject, pattern.subjects)) continue;
    const target = findObject(scan, items, index + length, pattern);
    if (target === undefined) continue;
    const confidence = items.some((item) => item.node === subject && item.viaPronoun) ? 0.7 : 0.8;
    scan.add(subject, target, pattern.type, confidence, items);
    return length;
  }
  return 0;
}

/** "I have a dog (named Rex)" / "we adopted two kittens". */
function matchPet(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
  subject: number,
): number {
  if (!PET_VERBS.has(items[index]?.lemma ?? '') || !isType(scan, subject, ['PERSON'])) return 0;
  let cursor = index + 1;
  while (cursor - index < 4 && isPetDeterminer(items[cursor]?.word ?? '')) cursor += 1;
  const noun = items[cursor];
  const singular = noun?.word.replace(/(?<=[^s])s$/u, '') ?? '';
  if (!noun || noun.node !== undefined || !PET_NOUNS.has(singular)) return 0;
  let next = cursor + 1;
  if (NAMING_WORDS.has(items[next]?.word ?? '')) next += 1;
  const name = items[next]?.node;
  const node = name === undefined ? undefined : scan.nodes[name];
  if (name !== undefined && node && node.speaker === undefined && node.type !== 'DATE') {
    scan.nodes[name] = { ...node, type: 'MISC' };
    scan.add(subject, name, 'has_pet', 0.8, items);
  } else {
    scan.add(subject, scan.addPhrase(noun.tokenIndex, noun.tokenIndex), 'has_pet', 0.7, items);
  }
  return cursor + 1 - index;
}

/** Number of items the pattern covers at `index` (0 when it does not match). */
function matchWords(
  items: readonly SentenceItem[],
  index: number,
  words: readonly string[],
): number {
  let cursor = index;
  for (const [position, word] of words.entries()) {
    while (
      position > 0 &&
      VERB_MODIFIERS.has(items[cursor]?.word ?? '') &&
      items[cursor]?.word !== word
    )
      cursor += 1;
    const item = items[cursor];
    if (!item || item.node !== undefined) return 0;
    const matches =
      word === 'be' ? BE_FORMS.has(item.word) : item.lemma === word || item.word === word;
    if (!matches) return 0;
    cursor += 1;
  }
  return cursor - index;
}

function findObject(
  scan: RelationScan,
  items: readonly SentenceItem[],
  start: number,
  pattern: VerbPattern,
): number | undefined {
  let cursor = start;
  while (
    cursor < items.length &&
    cursor - start < 4 &&
    OBJECT_FILLERS.has(items[cursor]?.word ?? '')
  )
    cursor += 1;
  const item = items[cursor];
  if (item?.node !== undefined)
    return isType(scan, item.node, pattern.targets) ? item.node : undefined;
  if (!pattern.allowsPhrase || !item) return undefined;
  return phraseObject(scan, items, cursor);
}

/** "I love hiking" / "I hate rainy days": a short noun phrase becomes an auxiliary MISC entity. */
function phraseObject(
  scan: RelationScan,
  items: readonly SentenceItem[],
  start: number,
): number | undefined {
  let end = start;
  while (end < items.length && end - start < 3) {
    const item = items[end];
    if (
      !item ||
      item.node !== undefined ||
      PHRASE_STOPS.has(item.word) ||
      !/^\p{L}[\p{L}'-]*$/u.test(item.word)
    )
      break;
    end += 1;
  }
  const first = items[start];
  const last = items[end - 1];
  if (end === start || !first || !last) return undefined;
  return scan.addPhrase(first.tokenIndex, last.tokenIndex);
}

/** A past or present verb form, not a noun ("acted", "says"): a clause starts before it. */
function isFiniteVerb(scan: RelationScan, word: string): boolean {
  if (/^\p{Ll}{3,}ed$/u.test(word)) return true;
  const lemma = scan.gazetteer.verbLemmas.get(word);
  return lemma !== undefined && lemma !== word && !word.endsWith('ing') && !/s$/u.test(lemma);
}

function matchGeneric(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
  subject: number,
): void {
  const item = items[index];
  if (!item) return;
  if (matchPassive(scan, items, index, subject)) return;
  const lemma = scan.gazetteer.verbLemmas.get(item.word) ?? guessPastTenseLemma(item.word, scan);
  if (lemma === undefined || GENERIC_VERB_STOPLIST.has(lemma)) return;
  if (scan.gazetteer.firstNames.has(item.word) || item.word.length < 3) return;
  let cursor = index + 1;
  while (
    cursor < items.length &&
    cursor - index <= 3 &&
    (OBJECT_FILLERS.has(items[cursor]?.word ?? '') ||
      VERB_PREPOSITIONS.has(items[cursor]?.word ?? ''))
  )
    cursor += 1;
  const target = items[cursor]?.node;
  if (
    target === undefined ||
    !isType(scan, target, ['PERSON', 'ORG', 'LOCATION', 'PRODUCT', 'EVENT', 'MISC'])
  )
    return;
  scan.add(subject, target, verbRelation(lemma), 0.55, items);
}

/** "Kennedy was shot by Oswald": the agent after "by" is the source, the subject the target. */
function matchPassive(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
  subject: number,
): boolean {
  let before = index - 1;
  while (VERB_MODIFIERS.has(items[before]?.word ?? '') || /ly$/u.test(items[before]?.word ?? ''))
    before -= 1;
  if (!BE_FORMS.has(items[before]?.word ?? '') && items[before]?.word !== 'been') return false;
  const word = items[index]?.word ?? '';
  if (items[index + 1]?.word !== 'by' || !/(?:ed|en|wn|ot|ht)$/u.test(word)) return false;
  const agent = items[index + 2]?.node;
  if (agent === undefined || !isType(scan, agent, ['PERSON', 'ORG'])) return false;
  const lemma = scan.gazetteer.verbLemmas.get(word) ?? guessPastTenseLemma(word, scan);
  if (lemma === undefined || GENERIC_VERB_STOPLIST.has(lemma)) return false;
  scan.add(agent, subject, verbRelation(lemma), 0.6, items);
  return true;
}

/** "a", "the", "two", "3": words between a pet verb and its noun. */
function isPetDeterminer(word: string): boolean {
  return PET_DETERMINERS.has(word) || /^\p{N}+$/u.test(word);
}

/** "assassinated" → "assassinate": a regular past tense the lexicon lacks (adjectives excluded). */
function guessPastTenseLemma(word: string, scan: RelationScan): string | undefined {
  if (!/^\p{Ll}{3,}ed$/u.test(word) || scan.gazetteer.commonWords.has(word)) return undefined;
  if (word.endsWith('ied')) return `${word.slice(0, -3)}y`;
  if (/([bcdfgklmnprstvz])\1ed$/u.test(word)) return word.slice(0, -3);
  if (/(at|iz|is|uc|at|ur|ir|as|ag|ov|iv|ud|ng)ed$/u.test(word)) return word.slice(0, -1);
  return word.slice(0, -2);
}
