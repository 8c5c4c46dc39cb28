import { genderOfKinWord } from '../../domain/kin-gender.js';
import { readKinship } from './kinship.js';
import {
  ADDRESS_COPULAS,
  ADDRESS_MODIFIERS,
  CALL_ENDS,
  CALL_OPENERS,
  CALLED_KIN,
  PET_CALLS,
  PHONE_PHRASES,
  SECOND_PERSON_POSSESSIVES,
  YOU_ARE,
} from './lexicon/address-words.js';
import { NAMING_WORDS } from './lexicon/name-words.js';
import type { SentenceItem } from './relation-items.js';
import {
  isSpeakerNode,
  isType,
  markGender,
  nodeName,
  type RelationScan,
  retype,
} from './relation-scan.js';

// What a name the finder typed may be, when kinship says it is a person.
const NAME_TYPES = ['PERSON', 'LOCATION', 'ORG', 'MISC'] as const;

/**
 * Relations said to the one spoken to (the scan's addressee, or a name called out in the
 * sentence): "Hi Mom!" / "That's a good question, dad." (the addressee is the speaker's parent),
 * "you're my sister", "I'm your brother", "your husband Chandler", and a pet called twice
 * ("Here Mitzi! Here Mitzi!") is the speaker's.
 */
export function findAddressRelations(
  scan: RelationScan,
  sentences: readonly (readonly SentenceItem[])[],
): void {
  calledKin(scan, sentences);
  calledPets(scan, sentences);
  let called: number | undefined;
  for (const [index, items] of sentences.entries()) {
    scan.sentence = index;
    called = calledName(scan, items) ?? called;
    const you = (at: number) => called ?? addressee(scan, items, at);
    for (let at = 0; at < items.length; at += 1) {
      youAreKin(scan, items, at, you);
      iAmYourKin(scan, items, at, you);
      yourNamedKin(scan, items, at, you);
    }
  }
}

/** Who "you" is at an item: a node, made on demand. */
type You = (at: number) => number | undefined;

/** A name called out in the sentence: "Monica, you're …" or a sentence of its own ("Ross!!"). */
function calledName(scan: RelationScan, items: readonly SentenceItem[]): number | undefined {
  const vocative = items.find((item) => item.vocative === true && item.node !== undefined);
  if (vocative?.node !== undefined) return vocative.node;
  const words = items.filter((item) => !CALL_OPENERS.has(item.word) && !CALL_ENDS.has(item.word));
  const only = words.length === 1 ? words[0] : undefined;
  const last = items.at(-1)?.word ?? '';
  if (only?.node === undefined || (last !== '!' && last !== '?')) return undefined;
  return isType(scan, only.node, ['PERSON']) && scan.nodes[only.node]?.speaker === undefined
    ? only.node
    : undefined;
}

/** "Hi Mom!", "Mom, it's OK", "good question, dad.": one kinship word called out in the text. */
function calledKin(scan: RelationScan, sentences: readonly (readonly SentenceItem[])[]): void {
  if (scan.addressee === undefined || scan.speaker === undefined) return;
  const calls = sentences.flatMap((items, index) =>
    items.flatMap((item, at) => (isCall(scan, items, at, index === 0) ? [{ items, item }] : [])),
  );
  // "Mom, Dad, …": two people called at once; neither one is the addressee alone.
  const first = calls[0];
  if (!first || calls.some((call) => call.item.word !== first.item.word)) return;
  // "Hi Mom, it's Jill": on the phone, the one called is not the one beside the speaker.
  if (sentences.some((items) => isPhoneTalk(scan, items))) return;
  const type = CALLED_KIN.get(first.item.word);
  if (!type) return;
  const speaker = speakerIn(scan, first.items, first.item.tokenIndex);
  const addressee = scan.addAddressee(first.item.tokenIndex);
  if (speaker === undefined || !scan.add(speaker, addressee, type, 0.75, first.items)) return;
  const gender = genderOfKinWord(first.item.word);
  if (gender) markGender(scan.nodes, addressee, { type, fromOwner: false, plural: false, gender });
}

/**
 * True when the kinship word at `at` is a call: opening the sentence, or after its last comma; a
 * sentence of the word alone ("Dad!") only opening the text (later it may answer: "his name? Dad!").
 */
function isCall(
  scan: RelationScan,
  items: readonly SentenceItem[],
  at: number,
  opensText: boolean,
): boolean {
  const item = items[at];
  if (!item || !CALLED_KIN.has(item.word)) return false;
  // A name the finder made of "Mom" is still the word called out, when it is that one word.
  if (item.node !== undefined && !oneWord(scan, item.node)) return false;
  const alone = items.every((other) => other === item || CALL_ENDS.has(other.word));
  if (alone && !opensText) return false;
  const after = items.slice(at + 1);
  const opening = items
    .slice(0, at)
    .every((before) => CALL_OPENERS.has(before.word) || CALLED_KIN.has(before.word));
  if (opening) return after.length === 0 || CALL_ENDS.has(after[0]?.word ?? '');
  return (
    items[at - 1]?.word === ',' &&
    after.every((rest) => CALL_ENDS.has(rest.word) && rest.word !== ',')
  );
}

/** "it's me", "it's Jill", "I'll call you later": the speaker talks on the phone. */
function isPhoneTalk(scan: RelationScan, items: readonly SentenceItem[]): boolean {
  return items.some((item, at) => {
    const word = (offset: number) => items[at + offset]?.word ?? '';
    if (item.word === 'it' && word(1) === "'s") {
      const next = items[at + 2];
      if (next?.word === 'me') return true;
      if (next?.node !== undefined && isType(scan, next.node, ['PERSON'])) return true;
    }
    const phrase = `${item.word} ${word(1)} ${word(2)}`;
    return PHONE_PHRASES.has(phrase) || PHONE_PHRASES.has(`${phrase} ${word(3)}`);
  });
}

/** "you're my sister", "you are Emma's father": the addressee is that relative. */
function youAreKin(scan: RelationScan, items: readonly SentenceItem[], at: number, you: You): void {
  const word = items[at]?.word ?? '';
  let cursor = at + 1;
  if (word === 'you' && ADDRESS_COPULAS.has(items[cursor]?.word ?? '')) cursor += 1;
  else if (!YOU_ARE.has(word)) return;
  while (ADDRESS_MODIFIERS.has(items[cursor]?.word ?? '')) cursor += 1;
  // "Emma's father" is two items: the owner's name, then the relative it owns.
  const owned = scan.nodes[items[cursor + 1]?.node ?? -1]?.relative?.owner;
  if (owned !== undefined && owned === items[cursor]?.node) cursor += 1;
  const node = items[cursor]?.node;
  const relative = node === undefined ? undefined : scan.nodes[node]?.relative;
  if (!relative || !endsClause(items, cursor + 1)) return;
  const addressee = you(at);
  if (addressee === undefined || scan.nodes[relative.owner]?.addressee) return;
  scan.addKin(relative.owner, addressee, relative.kinship, 0.75, items);
}

/** "I'm your brother", "I am still your wife": the speaker is the addressee's relative. */
function iAmYourKin(
  scan: RelationScan,
  items: readonly SentenceItem[],
  at: number,
  you: You,
): void {
  const node = items[at]?.node;
  if (!isSpeakerNode(scan, node) || node === undefined || scan.nodes[node]?.plural) return;
  let cursor = at + 1;
  if (!ADDRESS_COPULAS.has(items[cursor]?.word ?? '') && items[cursor]?.word !== 'be') return;
  cursor += 1;
  while (ADDRESS_MODIFIERS.has(items[cursor]?.word ?? '')) cursor += 1;
  if (!SECOND_PERSON_POSSESSIVES.has(items[cursor]?.word ?? '')) return;
  const phrase = readKinship((index) => plainWordAt(items, index), cursor + 1);
  if (!phrase || !endsClause(items, phrase.index + 1)) return;
  const addressee = you(at);
  if (addressee === undefined) return;
  scan.addKin(addressee, node, phrase.kinship, 0.75, items);
}

/** "your husband Chandler", "your sister, Monica": the addressee's relative, by name. */
function yourNamedKin(
  scan: RelationScan,
  items: readonly SentenceItem[],
  at: number,
  you: You,
): void {
  if (!SECOND_PERSON_POSSESSIVES.has(items[at]?.word ?? '')) return;
  const phrase = readKinship((index) => plainWordAt(items, index), at + 1);
  if (!phrase || phrase.kinship.plural) return;
  let cursor = phrase.index + 1;
  const opener = items[cursor]?.word ?? '';
  if (opener === ',' || NAMING_WORDS.has(opener)) cursor += 1;
  const name = items[cursor]?.node;
  if (name === undefined || !isType(scan, name, NAME_TYPES) || items[cursor]?.viaPronoun) return;
  const named = scan.nodes[name];
  if (!named || named.speaker !== undefined || named.relative || named.addressee) return;
  const addressee = you(at);
  if (addressee === undefined) return;
  retype(scan, name, 'PERSON');
  scan.addKin(addressee, name, phrase.kinship, 0.75, items);
}

/** "Here Mitzi! Here Mitzi!": a name called with "here" twice is the speaker's pet. */
function calledPets(scan: RelationScan, sentences: readonly (readonly SentenceItem[])[]): void {
  if (scan.speaker === undefined) return;
  const called = new Map<
    string,
    { name: SentenceItem; items: readonly SentenceItem[]; count: number }
  >();
  for (const items of sentences) {
    const words = items.filter((item) => !CALL_ENDS.has(item.word));
    const name = words[1];
    if (words.length !== 2 || !PET_CALLS.has(words[0]?.word ?? '') || !name) continue;
    if (name.node !== undefined && !isType(scan, name.node, NAME_TYPES)) continue;
    const text = scan.tokens[name.tokenIndex]?.text ?? '';
    if (name.node === undefined && !/^\p{Lu}\p{Ll}+$/u.test(text)) continue;
    const key = name.node === undefined ? text : nodeName(scan, name.node);
    const entry = called.get(key.toLowerCase()) ?? { name, items, count: 0 };
    called.set(key.toLowerCase(), { ...entry, count: entry.count + 1 });
  }
  for (const { name, items, count } of called.values()) {
    if (count < 2) continue;
    const node = name.node ?? scan.addName(name.tokenIndex, name.tokenIndex, 'MISC');
    retype(scan, node, 'MISC');
    const speaker = speakerIn(scan, items, items[0]?.tokenIndex ?? 0);
    if (speaker !== undefined) scan.add(speaker, node, 'has_pet', 0.7, items);
  }
}

/** A node for the scan's addressee on the item at `at`, when the caller gave one. */
function addressee(
  scan: RelationScan,
  items: readonly SentenceItem[],
  at: number,
): number | undefined {
  return scan.addressee === undefined ? undefined : scan.addAddressee(items[at]?.tokenIndex ?? 0);
}

/** The sentence's speaker node, or a new one on token `token`. */
function speakerIn(
  scan: RelationScan,
  items: readonly SentenceItem[],
  token: number,
): number | undefined {
  const mentioned = items.find((item) => isSpeakerNode(scan, item.node));
  if (mentioned?.node !== undefined) return mentioned.node;
  return scan.speaker === undefined ? undefined : scan.addSpeaker(token);
}

/** True when the kinship phrase ends its clause ("you're my sister!", not "my sister's car"). */
function endsClause(items: readonly SentenceItem[], at: number): boolean {
  const word = items[at]?.word;
  return word === undefined || CALL_ENDS.has(word) || word === 'and' || word === 'but';
}

/** The plain word at `index`, or undefined at a name. */
function plainWordAt(items: readonly SentenceItem[], index: number): string | undefined {
  const item = items[index];
  return item && item.node === undefined ? item.word : undefined;
}

function oneWord(scan: RelationScan, node: number): boolean {
  const found = scan.nodes[node];
  return found !== undefined && found.firstToken === found.lastToken && found.speaker === undefined;
}
