import type { RelationType } from '../../domain/relation-type.js';
import { COUPLE_AUXILIARIES, COUPLE_EVENTS, SOMEONE_WORDS } from './lexicon/relation-cue-words.js';
import type { SentenceItem } from './relation-items.js';
import { isSpeakerNode, isType, type RelationScan, retype } from './relation-scan.js';
import { moodOf, type Subject } from './verb-relation-patterns.js';

type CoupleEvent = 'married' | 'engaged' | 'divorced' | 'broke_up' | 'together';

// What each event starts, and what it ends (a fact closed, and the past relation that follows).
const EVENTS: Readonly<
  Record<CoupleEvent, { starts?: RelationType; ends?: RelationType; former?: RelationType }>
> = {
  married: { starts: 'spouse_of' },
  engaged: { starts: 'engaged_to' },
  divorced: { ends: 'spouse_of', former: 'ex_spouse_of' },
  broke_up: { ends: 'partner_of', former: 'ex_partner_of' },
  together: { starts: 'partner_of' },
};

// What may follow "Priya and I are together" / "are dating" for it to mean a couple: the end, or
// a time ("now", "since May", "for two years"); "got together for coffee" is a meeting.
const COUPLE_STATE_FOLLOWERS: ReadonlySet<string> = new Set(
  'now again officially since last already finally anymore'.split(' '),
);
const DURATION =
  /^(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|couple|\d+|over|almost|nearly|about)$/u;

const PARTNER_TYPES: ReadonlySet<string> = new Set(['partner_of', 'engaged_to', 'spouse_of']);

/**
 * Engagement, marriage, divorce and breakup between two people: "Paul and I divorced six years
 * ago", "we got married on saturday" (we: the speaker and the partner named in the text), "I
 * broke up with Jordan", "Jordan dumped me", "I proposed to Lucia … she said yes", and "I started
 * seeing someone" waiting for a name.
 */
export function findCoupleRelations(
  scan: RelationScan,
  items: readonly SentenceItem[],
  subjects: ReadonlyArray<Subject | undefined>,
): void {
  for (let index = 0; index < items.length; index += 1) {
    const event = eventAt(items, index);
    const subject =
      subjects[index] ??
      (event ? (nameBefore(scan, items, index) ?? youBefore(scan, items, index)) : undefined);
    if (!subject) continue;
    if (event) coupleEvent(scan, items, index, subject, event);
    else if (items[index]?.lemma === 'propose') proposal(scan, items, index, subject);
    else if (SOMEONE_WORDS.has(items[index + 1]?.word ?? ''))
      unnamedPartner(scan, items, index, subject);
  }
}

/** "Jordan dumped me" when a place list took Jordan: the name right before an event is its subject. */
function nameBefore(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
): Subject | undefined {
  const at = beforeAuxiliaries(items, index);
  const node = items[at]?.node;
  return node !== undefined && isType(scan, node, ['LOCATION', 'MISC'])
    ? { nodes: [node], at }
    : undefined;
}

/** "you were still married to her", "you got engaged": the one spoken to, when the caller knows them. */
function youBefore(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
): Subject | undefined {
  const at = beforeAuxiliaries(items, index);
  const you = items[at];
  if (you?.word !== 'you' || scan.addressee === undefined) return undefined;
  return { nodes: [scan.addAddressee(you.tokenIndex)], at };
}

/** The item before `index` once "were", "still", "got" … are passed over. */
function beforeAuxiliaries(items: readonly SentenceItem[], index: number): number {
  let at = index - 1;
  while (COUPLE_AUXILIARIES.has(items[at]?.word ?? '')) at -= 1;
  return at;
}

/** The couple event at `index` and how many items it takes ("broke up" is two). */
function eventAt(
  items: readonly SentenceItem[],
  index: number,
): { event: CoupleEvent; length: number } | undefined {
  const word = items[index]?.word ?? '';
  const next = items[index + 1]?.word ?? '';
  const pair = COUPLE_EVENTS.get(
    `${word === 'break' || word === 'breaking' ? 'broke' : word} ${next}`,
  );
  if (pair) return { event: pair, length: 2 };
  // "ended up marrying Amy" tells what happened; "I'm marrying Ana" alone is a plan.
  if (word === 'marrying' && items[index - 1]?.word === 'up')
    return { event: 'married', length: 1 };
  const single = COUPLE_EVENTS.get(word);
  return single ? { event: single, length: 1 } : undefined;
}

function coupleEvent(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
  subject: Subject,
  { event, length }: { event: CoupleEvent; length: number },
): void {
  for (let cursor = subject.at + 1; cursor < index; cursor += 1)
    if (!COUPLE_AUXILIARIES.has(items[cursor]?.word ?? '')) return;
  if (moodOf(items, subject.at, index, index + length) !== 'fact') return;
  if (event === 'together' && !isCoupleState(items, index + length)) return;
  const pair = couple(scan, items, index + length, subject);
  if (!pair) return;
  const [one, other] = pair;
  const { starts, ends, former } = EVENTS[event];
  if (starts) scan.add(one, other, starts, 0.8, items, { timed: true });
  if (ends) scan.add(one, other, ends, 0.8, items, { timed: true, ends: true });
  if (former) scan.add(one, other, former, 0.75, items, { timed: true });
}

/** "together." / "together now" / "together for two years" / "together with Priya": a couple. */
function isCoupleState(items: readonly SentenceItem[], after: number): boolean {
  const next = items[after];
  if (!next || !/^\p{L}/u.test(next.word)) return true;
  if (COUPLE_STATE_FOLLOWERS.has(next.word)) return true;
  if (next.word === 'with') return items[after + 1]?.node !== undefined;
  return next.word === 'for' && DURATION.test(items[after + 1]?.word ?? '');
}

/** Who the event joins: "Paul and I", "I … with Jordan", "Jordan dumped me", "we" and the partner. */
function couple(
  scan: RelationScan,
  items: readonly SentenceItem[],
  after: number,
  subject: Subject,
): [number, number] | undefined {
  const people = subject.nodes.filter((node) => partnerName(scan, node));
  const [first, second] = orderSpeakerFirst(scan, people);
  if (first !== undefined && second !== undefined) return [first, second];
  if (first === undefined) return undefined;
  let cursor = after;
  if (['with', 'to', 'from'].includes(items[cursor]?.word ?? '')) cursor += 1;
  const object = items[cursor]?.node;
  if (object !== undefined && object !== first && partnerName(scan, object))
    return orderSpeakerFirst(scan, [first, object]) as [number, number];
  const named = coordinatedName(scan, items, subject);
  if (named !== undefined) return [first, named];
  if (scan.nodes[first]?.plural !== true) return undefined;
  const partner = partnerInText(scan);
  return partner === undefined ? undefined : [first, partner];
}

/** A person, or a name a place list took ("Jordan dumped me"): one marries and leaves people. */
function partnerName(scan: RelationScan, node: number): boolean {
  if (isType(scan, node, ['LOCATION', 'ORG', 'MISC']) && !scan.nodes[node]?.relative)
    retype(scan, node, 'PERSON');
  return isType(scan, node, ['PERSON']);
}

/** "jordan and i broke up": a lower-case first name coordinated with the speaker is a person. */
function coordinatedName(
  scan: RelationScan,
  items: readonly SentenceItem[],
  subject: Subject,
): number | undefined {
  const name = items[subject.at - 2];
  if (items[subject.at - 1]?.word !== 'and' || !name || name.node !== undefined) return undefined;
  const { firstNames, nameParts, wordNames } = scan.gazetteer;
  const known = firstNames.has(name.word) || nameParts.has(name.word) || wordNames.has(name.word);
  if (!isSpeakerNode(scan, items[subject.at]?.node) || !known) return undefined;
  return scan.addName(name.tokenIndex, name.tokenIndex, 'PERSON');
}

/** The speaker first, so the speaker's single-valued facts are the ones that change. */
function orderSpeakerFirst(scan: RelationScan, nodes: readonly number[]): number[] {
  return [...nodes].sort((a, b) => Number(isSpeakerNode(scan, b)) - Number(isSpeakerNode(scan, a)));
}

/** The partner the text gives the speaker ("my girlfriend Lucia", "I proposed to Lucia"). */
function partnerInText(scan: RelationScan): number | undefined {
  const found = scan.relations.find(
    (relation) =>
      PARTNER_TYPES.has(relation.type) &&
      !relation.ends &&
      isSpeakerNode(scan, relation.sourceIndex) &&
      scan.nodes[relation.targetIndex]?.speaker === undefined,
  );
  return found?.targetIndex;
}

/** "I proposed to Lucia … she said yes", "Richard proposed!! … I said yes": they are engaged. */
function proposal(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
  subject: Subject,
): void {
  if (!/\b(?:said|say|says) yes\b/iu.test(scan.text)) return;
  const proposer = subject.nodes[0];
  if (proposer === undefined || !isType(scan, proposer, ['PERSON'])) return;
  const object = items[index + 1]?.word === 'to' ? items[index + 2]?.node : undefined;
  const other =
    object ?? (isSpeakerNode(scan, proposer) ? undefined : speakerWhoSaidYes(scan, items, index));
  if (other === undefined || other === proposer || !isType(scan, other, ['PERSON'])) return;
  const [one, two] = orderSpeakerFirst(scan, [proposer, other]);
  if (one !== undefined && two !== undefined)
    scan.add(one, two, 'engaged_to', 0.75, items, { timed: true });
}

/** A speaker node for "I said yes" when someone else proposed. */
function speakerWhoSaidYes(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
): number | undefined {
  if (scan.speaker === undefined || !/\bi said yes\b/iu.test(scan.text)) return undefined;
  return scan.addSpeaker(items[index]?.tokenIndex ?? 0);
}

/** "I started seeing someone" / "been dating someone": a partner named later. */
function unnamedPartner(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
  subject: Subject,
): void {
  const word = items[index]?.word ?? '';
  const before = items[index - 1]?.word ?? '';
  if (word !== 'seeing' && word !== 'dating') return;
  if (!['started', 'start', 'began', 'been', 'begun'].includes(before)) return;
  const source = subject.nodes[0];
  if (source === undefined || !isType(scan, source, ['PERSON'])) return;
  scan.unnamed.push({
    source,
    type: 'partner_of',
    confidence: 0.75,
    items,
    sentence: scan.sentence,
    nameType: 'PERSON',
  });
}
