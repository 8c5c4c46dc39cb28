import type { EntityType } from '../../domain/entity.js';
import {
  BE_FORMS,
  CHANGE_VERBS,
  CLAUSE_OPENERS,
  ENDED_WORDS,
  IRREALIS_WORDS,
  LATER_ENDED_WORDS,
  NEGATIONS,
  OBJECT_FILLERS,
  OTHER_SUBJECTS,
  PAST_AS_BASE,
  PHRASE_STOPS,
  STATE_VERBS,
  VERB_MODIFIERS,
  VERB_PREPOSITIONS,
} from './lexicon/relation-cue-words.js';
import type { SentenceItem } from './relation-items.js';
import { isSpeakerNode, isType, type RelationScan } from './relation-scan.js';
import { settleObjectType } from './verb-object-types.js';
import { VERB_PATTERNS, type VerbPattern } from './verb-patterns.js';

const SUBJECT_TYPES: readonly EntityType[] = ['PERSON', 'ORG'];
/** The subject in force at an item: one node or a coordinated group, and where it was written. */
export interface Subject {
  readonly nodes: readonly number[];
  readonly at: number;
}

/** What the words around a verb make of a clause. */
export type Mood = 'fact' | 'negated' | 'ended' | 'irrealis';

/** Subject–verb–object relations of the typed verb patterns; no other verb makes a relation. */
export function findVerbRelations(
  scan: RelationScan,
  items: readonly SentenceItem[],
  subjects: ReadonlyArray<Subject | undefined>,
): void {
  for (let index = 0; index < items.length; index += 1) {
    const subject = subjects[index];
    const item = items[index];
    if (!subject || !item || item.node !== undefined) continue;
    const typed = matchTyped(scan, items, index, subject);
    if (typed === 0) matchPassive(scan, items, index, subject);
    else index += typed - 1;
  }
}

/**
 * For each item, the subject in force there: the latest node not governed by a verb or
 * preposition; "Jordan and I" is one subject of two; a clause that opens with a past tense and
 * no subject ("moved to Denver!") is the speaker's.
 */
export function trackSubjects(
  scan: RelationScan,
  items: readonly SentenceItem[],
): Array<Subject | undefined> {
  const subjects: Array<Subject | undefined> = [];
  let current: Subject | undefined;
  let governed = false;
  let joinable = false;
  let clauseStart = 0;
  for (const [index, item] of items.entries()) {
    if (current === undefined && isSubjectlessVerb(scan, items, clauseStart, index))
      current = { nodes: [scan.addSpeaker(item.tokenIndex)], at: index - 1 };
    subjects.push(current);
    if (item.word === ':' || item.word === ';' || item.word === ',') clauseStart = index + 1;
    if (item.node === undefined) {
      // "you", "they", "it" heading a clause: whoever is meant, it is not the last name.
      if (!governed && OTHER_SUBJECTS.has(item.word) && opensClauseAt(items, index))
        current = undefined;
      if (item.word !== 'and') joinable = false;
      if (!OBJECT_FILLERS.has(item.word))
        governed = VERB_PREPOSITIONS.has(item.word) || scan.gazetteer.verbLemmas.has(item.word);
      continue;
    }
    // "found Oswald acted alone": an object followed by its own verb starts a new clause.
    const after = items[index + 1]?.word === ',' ? items[index + 2] : items[index + 1];
    const opensClause = isFiniteVerb(scan, items[index + 1]?.word ?? '') || after?.word === 'who';
    const subjectType = isType(scan, item.node, SUBJECT_TYPES) && !item.vocative;
    if (joinable && items[index - 1]?.word === 'and' && current && subjectType) {
      current = { nodes: [...current.nodes, item.node], at: index };
    } else if ((!governed || opensClause) && subjectType) {
      current = { nodes: [item.node], at: index };
      joinable = true;
    } else {
      joinable = false;
    }
    governed = false;
  }
  return subjects;
}

// Words after which a new clause (and its subject) begins.
const CLAUSE_OPENING: ReadonlySet<string> = new Set([
  ',',
  ';',
  ':',
  '.',
  '!',
  '?',
  'and',
  'but',
  'so',
  'because',
  'if',
  'when',
  'then',
  'or',
]);

/** True when the item at `index` begins a clause ("…, you said", "and they moved"). */
function opensClauseAt(items: readonly SentenceItem[], index: number): boolean {
  return index === 0 || CLAUSE_OPENING.has(items[index - 1]?.word ?? '');
}

/** A past tense opening a clause with nothing but fillers before it, in first-person text. */
function isSubjectlessVerb(
  scan: RelationScan,
  items: readonly SentenceItem[],
  start: number,
  index: number,
): boolean {
  if (scan.speaker === undefined || index < start) return false;
  for (let cursor = start; cursor < index; cursor += 1)
    if (!CLAUSE_OPENERS.has(items[cursor]?.word ?? '') || items[cursor]?.node !== undefined)
      return false;
  const word = items[index]?.word ?? '';
  const lemma = scan.gazetteer.verbLemmas.get(word);
  if (PAST_AS_BASE.has(word) || word === 'been') return true;
  // "living in Chicago, finishing my masters": a self-description's state.
  if (STATE_VERBS.has(lemma ?? '') && word.endsWith('ing')) return true;
  return lemma !== undefined && lemma !== word && !/(?:ing|[^s]s)$/u.test(word);
}

/** What the words between the subject and the verb, and just after the object, make of a clause. */
export function moodOf(
  items: readonly SentenceItem[],
  subjectAt: number,
  verbAt: number,
  end: number,
): Mood {
  const between = items.slice(subjectAt + 1, verbAt).map((item) => item.word);
  // "will you marry me?": a question asks, it does not tell; nor does "if I get married".
  if (between.some((word) => IRREALIS_WORDS.has(word)) || isQuestion(items, verbAt))
    return 'irrealis';
  if (CONDITIONALS.has(items[subjectAt - 1]?.word ?? '')) return 'irrealis';
  const negated = between.some((word) => NEGATIONS.has(word));
  const later = items.slice(end, end + 4).some((item) => LATER_ENDED_WORDS.has(item.word));
  if (between.some((word) => ENDED_WORDS.has(word)) || (negated && later)) return 'ended';
  return negated ? 'negated' : 'fact';
}

/** True when the clause of the verb at `verbAt` ends in a question mark. */
function isQuestion(items: readonly SentenceItem[], verbAt: number): boolean {
  const end = items.findIndex((item, index) => index > verbAt && CLAUSE_MARKS.has(item.word));
  return items[end]?.word === '?';
}

const CLAUSE_MARKS: ReadonlySet<string> = new Set([',', ';', '.', '!', '?']);

// Words before a subject that make its clause a condition, not a fact.
const CONDITIONALS: ReadonlySet<string> = new Set(['if', 'unless', 'whether']);

function matchTyped(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
  subject: Subject,
): number {
  for (const pattern of VERB_PATTERNS) {
    const length = matchWords(items, index, pattern.words);
    if (length === 0) continue;
    const sources = subject.nodes.filter((node) => acceptsSubject(scan, pattern, node));
    if (sources.length === 0) continue;
    const target = findObject(scan, items, index + length, pattern);
    if (target === undefined || !hasTargetHead(scan, target, pattern, items[index]?.word)) continue;
    const verb = items[index]?.word ?? '';
    // "we're moving to Boston": the -ing form of a change is a plan.
    if (verb.endsWith('ing') && CHANGE_VERBS.has(pattern.words[0] ?? '')) return length;
    // "this commute is killing me" is no killing; "convicted of assassinating Kennedy" is.
    const progressive = verb.endsWith('ing') && BE_FORMS.has(items[index - 1]?.word ?? '');
    if (pattern.type === 'killed' && (progressive || isSpeakerNode(scan, target))) return length;
    const mood = moodOf(items, subject.at, index, index + length + 1);
    if (mood === 'irrealis' || mood === 'negated') return length;
    const viaPronoun = items[subject.at]?.viaPronoun === true;
    for (const source of sources)
      scan.add(source, target, pattern.type, viaPronoun ? 0.7 : 0.8, items, {
        timed: true,
        ...(mood === 'ended' ? { ends: true } : {}),
      });
    return length;
  }
  return 0;
}

/** "goes to Lincoln Elementary" is a pupil; "went to Stanford University for a talk" a visit. */
function hasTargetHead(
  scan: RelationScan,
  target: number,
  pattern: VerbPattern,
  verb: string | undefined,
): boolean {
  if (!pattern.targetHeads) return true;
  if (verb === 'went' || verb === 'gone') return false;
  const last = scan.nodes[target]?.lastToken;
  return last !== undefined && pattern.targetHeads.has(scan.tokens[last]?.lower ?? '');
}

/** The subject fits the pattern; "we" only where it means the household ("we live in Austin"). */
function acceptsSubject(scan: RelationScan, pattern: VerbPattern, node: number): boolean {
  if (!isType(scan, node, pattern.subjects)) return false;
  return pattern.household === true || scan.nodes[node]?.plural !== true;
}

/** Number of items the pattern covers at `index` (0 when it does not match). */
export function matchWords(
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
    // A name that opens with a filler word is the object itself ("New York", "The Hague").
    items[cursor]?.node === undefined &&
    OBJECT_FILLERS.has(items[cursor]?.word ?? '')
  )
    cursor += 1;
  // "I live at 15 Yemen Road": a house number before a street name.
  const street = items[cursor + 1]?.node;
  if (HOUSE_NUMBER.test(items[cursor]?.word ?? '') && street !== undefined)
    cursor += isType(scan, street, ['LOCATION']) ? 1 : 0;
  const item = items[cursor];
  if (item?.node !== undefined) {
    settleObjectType(scan, item.node, pattern);
    return isType(scan, item.node, pattern.targets) ? item.node : undefined;
  }
  if (!pattern.allowsPhrase || !item) return undefined;
  return phraseObject(scan, items, cursor);
}

const HOUSE_NUMBER = /^\d{1,5}[a-z]?$/u;

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

// Lemmas of killing, as news writes them in the passive ("Kennedy was shot by Oswald").
const KILLING_LEMMAS: ReadonlySet<string> = new Set(
  VERB_PATTERNS.filter((pattern) => pattern.type === 'killed').map(
    (pattern) => pattern.words[0] ?? '',
  ),
);

/** "Kennedy was shot by Oswald": the agent after "by" killed the subject. */
function matchPassive(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
  subject: Subject,
): void {
  let before = index - 1;
  const word = (at: number) => items[at]?.word ?? '';
  while (
    !BE_FORMS.has(word(before)) &&
    (VERB_MODIFIERS.has(word(before)) || /ly$/u.test(word(before)))
  )
    before -= 1;
  if (!BE_FORMS.has(items[before]?.word ?? '') && items[before]?.word !== 'been') return;
  const item = items[index];
  if (items[index + 1]?.word !== 'by' || !item || !KILLING_LEMMAS.has(item.lemma)) return;
  const agent = items[index + 2]?.node;
  if (agent === undefined || !isType(scan, agent, ['PERSON'])) return;
  for (const victim of subject.nodes)
    if (isType(scan, victim, ['PERSON']) && !isSpeakerNode(scan, victim))
      scan.add(agent, victim, 'killed', 0.6, items);
}
