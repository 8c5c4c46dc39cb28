import { GROUP_HEADS } from './lexicon/organisation-words.js';
import {
  DISMISSAL_WORDS,
  DURATION_UNITS,
  JOB_ENDING_FROM_VERBS,
  JOB_ENDING_VERBS,
  LAST_DAY_NOUNS,
  MANAGING_VERBS,
} from './lexicon/relation-cue-words.js';
import type { SentenceItem } from './relation-items.js';
import { isSpeakerNode, isType, possessorAt, type RelationScan } from './relation-scan.js';
import { moodOf, type Subject } from './verb-relation-patterns.js';

// "a week", "3 years", "two months": a count before a duration unit.
const COUNT = /^(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|couple|\d+)$/u;

/**
 * Jobs ending and managers: "I quit Acme", "left Microsoft", "got laid off from Dell", "(my) last
 * day at Intelligentsia today" end works_for; "been at Shopify a week now" is works_for; "I manage
 * Tom" / "Ana supervises me" and "I work for Karen" give reports_to; "we were both in the Peace
 * Corps" is member_of. (Starting a job — "joined
 * Stripe", "started at Accenture", "is now at Qualcomm" — is a verb pattern.)
 */
export function findJobRelations(
  scan: RelationScan,
  items: readonly SentenceItem[],
  subjects: ReadonlyArray<Subject | undefined>,
): void {
  for (let index = 0; index < items.length; index += 1) {
    lastDay(scan, items, index, subjects[index]);
    const subject = subjects[index];
    const item = items[index];
    if (!subject || !item || item.node !== undefined || item.word.endsWith('ing')) continue;
    if (moodOf(items, subject.at, index, index + 1) !== 'fact') continue;
    const people = subject.nodes.filter((node) => isType(scan, node, ['PERSON']));
    if (JOB_ENDING_VERBS.has(item.lemma)) jobLeft(scan, items, index, people, 0);
    else if (JOB_ENDING_FROM_VERBS.has(item.lemma) && items[index + 1]?.word === 'from')
      jobLeft(scan, items, index, people, 0);
    else if (DISMISSAL_WORDS.has(item.word))
      jobLeft(scan, items, index, people, item.word === 'laid' || item.word === 'let' ? 1 : 0);
    else if (item.word === 'been' && items[index + 1]?.word === 'at')
      timeAtWork(scan, items, index, people);
    else if (MANAGING_VERBS.has(item.lemma)) managed(scan, items, index, people);
    else if (item.lemma === 'work' && items[index + 1]?.word === 'for')
      workFor(scan, items, index, people);
    else if (BE_IN.has(item.word)) membership(scan, items, index, people);
    else if (item.word === 'do' || item.word === 'does') workDone(scan, items, index, people);
  }
}

// What one does at a place without working there ("I do yoga at Equinox", "do it for Google").
const WORK_DONE_STOPS: ReadonlySet<string> = new Set(
  `it that this something nothing anything everything my our his her their lunch dinner
  breakfast yoga pilates crossfit spin karate judo boxing ballet dance swimming shopping
  groceries laundry nails hair . , ! ?`.split(/\s+/u),
);

/**
 * "I do marketing at Nike", "she does backend stuff at shopify", "I do IT for the city": a line of
 * work done at or for an organisation (up to four plain words between, no name among them).
 */
function workDone(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
  people: readonly number[],
): void {
  const first = items[index + 1];
  if (!first || first.node !== undefined || WORK_DONE_STOPS.has(first.word)) return;
  for (let cursor = index + 2; cursor <= index + 5; cursor += 1) {
    const item = items[cursor];
    if (!item || (item.node !== undefined && cursor > index + 1)) return;
    if (item.word !== 'at' && item.word !== 'for') continue;
    const employer = items[cursor + 1]?.node;
    if (employer === undefined || !isType(scan, employer, ['ORG'])) return;
    for (const person of people)
      scan.add(person, employer, 'works_for', 0.7, items, { timed: true });
    return;
  }
}

// Forms of "be" before "in" a group, and the words allowed between ("we were both in …").
const BE_IN: ReadonlySet<string> = new Set(['is', 'was', 'are', 'were', 'be', "'m", "'re", "'s"]);
const BE_IN_MODIFIERS: ReadonlySet<string> = new Set(['both', 'all', 'still', 'also', 'now']);
const GROUP_FOLLOWERS: ReadonlySet<string> = new Set(
  'for now when and but with until since in back too together at during before after as'.split(' '),
);

/** "we were both in the Peace Corps", "I'm in the Sierra Club": a group the subject belongs to. */
function membership(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
  people: readonly number[],
): void {
  let cursor = index + 1;
  while (BE_IN_MODIFIERS.has(items[cursor]?.word ?? '')) cursor += 1;
  if (items[cursor]?.word !== 'in') return;
  const group = items[cursor + 1]?.node ?? items[cursor + 2]?.node;
  const node = group === undefined ? undefined : scan.nodes[group];
  if (group === undefined || !node || !isType(scan, group, ['ORG'])) return;
  const head = scan.tokens[node.lastToken]?.lower ?? '';
  const after = items[items.findIndex((item) => item.node === group) + 1]?.word ?? '.';
  // "in the Peace Corps kitchen" is a place; the group ends the phrase.
  if (!GROUP_HEADS.has(head) || (/^\p{L}/u.test(after) && !GROUP_FOLLOWERS.has(after))) return;
  for (const person of people) scan.add(person, group, 'member_of', 0.7, items);
}

/** "quit Acme", "left Microsoft", "resigned from Dell", "fired from X", "laid off from X". */
function jobLeft(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
  people: readonly number[],
  particles: number,
): void {
  let cursor = index + 1 + particles;
  if (['from', 'at', 'by'].includes(items[cursor]?.word ?? '')) cursor += 1;
  const employer = items[cursor]?.node;
  if (employer === undefined || !isType(scan, employer, ['ORG'])) return;
  for (const person of people)
    scan.add(person, employer, 'works_for', 0.75, items, { timed: true, ends: true });
}

/** "my last day at Intelligentsia", "worked my last shift at Mass General yesterday". */
function lastDay(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
  subject: Subject | undefined,
): void {
  if (items[index]?.word !== 'last' || !LAST_DAY_NOUNS.has(items[index + 1]?.word ?? '')) return;
  if (items[index + 2]?.word !== 'at') return;
  const employer = items[index + 3]?.node;
  if (employer === undefined || !isType(scan, employer, ['ORG'])) return;
  const owner =
    possessorAt(scan, items, index - 1)?.[0] ??
    subject?.nodes[0] ??
    firstPersonOf(scan, items, index);
  if (owner === undefined || !isType(scan, owner, ['PERSON'])) return;
  scan.add(owner, employer, 'works_for', 0.75, items, { timed: true, ends: true });
}

/** A noun phrase said in the first person with no subject ("last day at X today"): the speaker's. */
function firstPersonOf(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
): number | undefined {
  if (scan.speaker === undefined || items.slice(0, index).some((item) => item.node !== undefined))
    return undefined;
  return scan.addSpeaker(items[index]?.tokenIndex ?? 0);
}

/** "been at Shopify a week now", "I've been at Acme for 3 years", "been at X since May". */
function timeAtWork(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
  people: readonly number[],
): void {
  const employer = items[index + 2]?.node;
  if (employer === undefined || !isType(scan, employer, ['ORG'])) return;
  let cursor = index + 3;
  if (
    items[cursor]?.word === 'for' ||
    items[cursor]?.word === 'almost' ||
    items[cursor]?.word === 'over'
  )
    cursor += 1;
  const lasting =
    items[cursor]?.word === 'since' ||
    (COUNT.test(items[cursor]?.word ?? '') && DURATION_UNITS.has(items[cursor + 1]?.word ?? ''));
  if (!lasting) return;
  for (const person of people)
    scan.add(person, employer, 'works_for', 0.75, items, { timed: true });
}

/** "I manage Tom" → Tom reports_to me; "Ana supervises me" → I report to Ana. */
function managed(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
  people: readonly number[],
): void {
  const report = items[index + 1]?.node;
  if (report === undefined || !isType(scan, report, ['PERSON'])) return;
  for (const manager of people) scan.add(report, manager, 'reports_to', 0.75, items);
}

/** "I work for Karen": a person one works for is one's boss. */
function workFor(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
  people: readonly number[],
): void {
  const boss = items[index + 2]?.node;
  if (boss === undefined || !isType(scan, boss, ['PERSON']) || isSpeakerNode(scan, boss)) return;
  for (const person of people) scan.add(person, boss, 'reports_to', 0.7, items);
}
