import type { Metadata } from '../../domain/memory.js';
import { CALL_OPENERS } from './lexicon/address-words.js';
import { FUNCTION_WORDS, NAMING_WORDS } from './lexicon/name-words.js';
import {
  EDIBLE_PET_KINDS,
  PET_DETERMINERS,
  PET_KINDS,
  PET_SPECIES,
  PET_VERBS,
  PHRASE_STOPS,
} from './lexicon/relation-cue-words.js';
import type { SentenceItem } from './relation-items.js';
import { isSpeakerNode, isType, possessorAt, type RelationScan } from './relation-scan.js';
import type { Subject } from './verb-relation-patterns.js';

/**
 * Pets, with their species: "our dog Biscuit", "my cats Luna and Miso", "I have a parakeet named
 * Kiwi", "adopted a cat named Whiskers", "we have two cats, Luna and Miso", "we got a puppy"
 * (named later: "his name is Pepper").
 */
export function findPetRelations(
  scan: RelationScan,
  items: readonly SentenceItem[],
  subjects: ReadonlyArray<Subject | undefined>,
): void {
  for (let index = 0; index < items.length; index += 1) {
    const owner = possessorAt(scan, items, index);
    if (owner) {
      possessedPet(scan, items, owner[0], owner[1]);
      continue;
    }
    const subject = subjects[index];
    if (subject && PET_VERBS.has(items[index]?.lemma ?? '')) keptPet(scan, items, index, subject);
  }
}

/** "my dog Rex", "our dog, Biscuit", "my cats Luna and Miso", "my dog is sick". */
function possessedPet(
  scan: RelationScan,
  items: readonly SentenceItem[],
  owner: number,
  start: number,
): void {
  let cursor = start;
  while (cursor - start < 3 && PET_DETERMINERS.has(items[cursor]?.word ?? '')) cursor += 1;
  const kind = petKind(items[cursor]);
  if (!kind) return;
  const apposed = kind.plural ? undefined : apposedPet(scan, items, start, cursor);
  if (apposed === undefined) {
    linkPet(scan, items, [owner], cursor, kind, true);
    return;
  }
  petName(scan, apposed, kind.attributes);
  scan.add(owner, apposed, 'has_pet', 0.75, items);
}

/**
 * "Mittens, my cat, is sick", "I love Rex, our dog.": the name set off before the possessed pet
 * noun (`start` is the item after the possessive, `noun` the pet noun). A name called out
 * ("Ross, my dog is sick") is no apposition: then a comma must close the phrase.
 */
function apposedPet(
  scan: RelationScan,
  items: readonly SentenceItem[],
  start: number,
  noun: number,
): number | undefined {
  const ownerAt = items[start - 1]?.word === "'s" ? start - 2 : start - 1;
  if (items[ownerAt - 1]?.word !== ',' || items[noun + 1]?.node !== undefined) return undefined;
  const after = items[noun + 1]?.word;
  const closed = after === ',';
  if (!closed && after !== undefined && !APPOSED_PET_ENDS.has(after)) return undefined;
  const at = ownerAt - 2;
  const named = items[at];
  if (!named || (named.vocative && !closed) || CALL_OPENERS.has(named.word)) return undefined;
  // "Hey Ross, my dog!": a name after a greeting is called out.
  if (!closed && (at === 0 || CALL_OPENERS.has(items[at - 1]?.word ?? ''))) return undefined;
  // A pet's name the finder left a word ("Mittens, my cat, is sick") is capitalised.
  const text = scan.tokens[named.tokenIndex]?.text ?? '';
  if (named.node === undefined && !/^\p{Lu}\p{Ll}+$/u.test(text)) return undefined;
  return nameAt(scan, items, at, true);
}

const APPOSED_PET_ENDS: ReadonlySet<string> = new Set(['.', '!', '?']);

/** "I have a dog (named Rex)", "we adopted two kittens", "adopted a cat named Whiskers". */
function keptPet(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
  subject: Subject,
): void {
  let cursor = index + 1;
  while (cursor - index < 4 && isDeterminer(items[cursor]?.word ?? '')) cursor += 1;
  const kind = petKind(items[cursor]);
  const owners = subject.nodes.filter((node) => isType(scan, node, ['PERSON']));
  if (kind && owners.length > 0) linkPet(scan, items, owners, cursor, kind, false);
}

/** Each owner has the named pets; with no name, the animal itself, until a later "his name is …". */
function linkPet(
  scan: RelationScan,
  items: readonly SentenceItem[],
  owners: readonly number[],
  nounIndex: number,
  kind: PetKind,
  possessed: boolean,
): void {
  const noun = items[nounIndex];
  for (const owner of owners) {
    if (linkPetNames(scan, items, owner, nounIndex + 1, kind) || !noun) continue;
    // "I had the fish": a pet that is also food is a pet only when named or "my fish".
    if (!possessed && EDIBLE_PET_KINDS.has(String(kind.attributes['species']))) continue;
    const stand = scan.addPhrase(noun.tokenIndex, noun.tokenIndex, kind.attributes);
    if (!scan.add(owner, stand, 'has_pet', 0.7, items)) continue;
    const placeholder = scan.relations.at(-1);
    scan.unnamed.push({
      source: owner,
      type: 'has_pet',
      confidence: 0.75,
      items,
      sentence: scan.sentence,
      attributes: kind.attributes,
      nameType: 'MISC',
      ...(placeholder ? { placeholder } : {}),
    });
  }
}

interface PetKind {
  readonly attributes: Metadata;
  readonly plural: boolean;
}

/** The species of a pet noun, singular or plural ("puppies" → dog); undefined for other words. */
function petKind(item: SentenceItem | undefined): PetKind | undefined {
  if (!item || item.node !== undefined) return undefined;
  const word = item.word;
  const singular = PET_KINDS.has(word)
    ? word
    : [word.replace(/ies$/u, 'y'), word.replace(/e?s$/u, ''), word.replace(/s$/u, '')].find(
        (form) => PET_KINDS.has(form),
      );
  if (!singular) return undefined;
  return {
    attributes: { species: PET_SPECIES.get(singular) ?? singular },
    plural: singular !== word,
  };
}

/** Links the owner to the name(s) after a pet noun ("Rex", "named Kiwi", ", Luna and Miso"). */
function linkPetNames(
  scan: RelationScan,
  items: readonly SentenceItem[],
  owner: number,
  start: number,
  kind: PetKind,
): boolean {
  let cursor = start;
  const opener = items[cursor]?.word ?? '';
  if (NAMING_WORDS.has(opener) || opener === ',' || opener === ':') cursor += 1;
  let linked = false;
  for (;;) {
    const name = nameAt(scan, items, cursor, NAMING_WORDS.has(opener));
    if (name === undefined) return linked;
    petName(scan, name, kind.attributes);
    linked = scan.add(owner, name, 'has_pet', 0.8, items) || linked;
    const joiner = items[cursor + 1]?.word;
    if (!kind.plural || (joiner !== 'and' && joiner !== ',' && joiner !== '&')) return linked;
    cursor += items[cursor + 2]?.word === 'and' ? 3 : 2;
  }
}

/** The pet's name at `index`: a node, or after "named"/"called" any capitalised word. */
export function nameAt(
  scan: RelationScan,
  items: readonly SentenceItem[],
  index: number,
  named: boolean,
): number | undefined {
  const item = items[index];
  if (!item) return undefined;
  if (item.node !== undefined) {
    const node = scan.nodes[item.node];
    if (!node || isSpeakerNode(scan, item.node) || node.relative || item.viaPronoun)
      return undefined;
    return node.type === 'DATE' || node.type === 'TIME' || node.type === 'MONEY'
      ? undefined
      : item.node;
  }
  const token = scan.tokens[item.tokenIndex];
  // After "named"/"called" a lower-case word is a name too ("a cat named whiskers").
  if (!named || !token || !/^\p{L}[\p{Ll}'-]+$/u.test(token.text)) return undefined;
  if (FUNCTION_WORDS.has(item.word) || PHRASE_STOPS.has(item.word)) return undefined;
  const name = scan.addName(item.tokenIndex, item.tokenIndex, 'MISC');
  // Later patterns of this sentence see the new name as the node it now is.
  (items as SentenceItem[])[index] = { ...item, node: name };
  return name;
}

/** Pet names are MISC (never merged with a person called Rex) and carry their species. */
export function petName(scan: RelationScan, index: number, attributes: Metadata): void {
  const node = scan.nodes[index];
  if (node) scan.nodes[index] = { ...node, type: 'MISC', attributes };
}

/** "a", "the", "two", "3": words between a pet verb and its noun. */
function isDeterminer(word: string): boolean {
  return PET_DETERMINERS.has(word) || /^\p{N}+$/u.test(word);
}
