import { ARTICLES, HOME_NOUNS, KILLER_NOUNS, KILLING_NOUNS } from './lexicon/relation-cue-words.js';
import type { SentenceItem } from './relation-items.js';
import { isType, type RelationScan } from './relation-scan.js';

/** Relations carried by nouns: "Kennedy's assassin, Oswald", "the murder of X by Y", "Sohn's New Jersey home". */
export function findNounRelations(scan: RelationScan, items: readonly SentenceItem[]): void {
  for (let index = 0; index < items.length; index += 1) {
    const node = items[index]?.node;
    if (node === undefined || !isType(scan, node, ['PERSON'])) continue;
    killerAfterVictim(scan, items, index, node);
    killerOfVictim(scan, items, index, node);
    possessedHome(scan, items, index, node);
  }
  killingOfBy(scan, items);
}

/** "Kennedy's assassin, Lee Harvey Oswald" / "King assassin James Earl Ray". */
function killerAfterVictim(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
  victim: number,
): void {
  let cursor = index + 1;
  if (items[cursor]?.word === "'s") cursor += 1;
  if (!KILLER_NOUNS.has(items[cursor]?.word ?? '')) return;
  cursor += items[cursor + 1]?.word === ',' ? 2 : 1;
  const killer = items[cursor]?.node;
  if (killer !== undefined && isType(scan, killer, ['PERSON']))
    scan.add(killer, victim, 'killed', 0.65, items);
}

/** "John Wilkes Booth, (the) assassin of Lincoln". */
function killerOfVictim(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
  killer: number,
): void {
  let cursor = index + 1;
  if (items[cursor]?.word !== ',') return;
  cursor += 1;
  if (ARTICLES.has(items[cursor]?.word ?? '')) cursor += 1;
  if (!KILLER_NOUNS.has(items[cursor]?.word ?? '') || items[cursor + 1]?.word !== 'of') return;
  const victim = items[cursor + 2]?.node;
  if (victim !== undefined && isType(scan, victim, ['PERSON']))
    scan.add(killer, victim, 'killed', 0.65, items);
}

/** "the assassination of Archduke Franz Ferdinand by Gavrilo Princip". */
function killingOfBy(scan: RelationScan, items: readonly SentenceItem[]): void {
  for (let index = 0; index + 4 < items.length; index += 1) {
    if (!KILLING_NOUNS.has(items[index]?.word ?? '') || items[index + 1]?.word !== 'of') continue;
    const victim = items[index + 2]?.node;
    if (victim === undefined || !isType(scan, victim, ['PERSON'])) continue;
    for (let cursor = index + 3; cursor < index + 8; cursor += 1) {
      if (items[cursor]?.word !== 'by') continue;
      let agent = cursor + 1;
      while (agent < cursor + 4 && items[agent]?.node === undefined) agent += 1;
      const killer = items[agent]?.node;
      if (killer !== undefined && isType(scan, killer, ['PERSON']))
        scan.add(killer, victim, 'killed', 0.6, items);
      break;
    }
  }
}

/** "Sohn's New Jersey home", "Sarah's Boston apartment": a person lives there. */
function possessedHome(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
  person: number,
): void {
  if (items[index + 1]?.word !== "'s") return;
  const place = items[index + 2]?.node;
  if (place === undefined || !isType(scan, place, ['LOCATION'])) return;
  if (HOME_NOUNS.has(items[index + 3]?.word ?? '')) scan.add(person, place, 'lives_in', 0.7, items);
}
