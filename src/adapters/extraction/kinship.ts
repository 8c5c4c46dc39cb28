import { genderOfKinWord, type KinGender } from '../../domain/kin-gender.js';
import type { RelationType } from '../../domain/relation-type.js';
import {
  FORMER_RELATIONS,
  FORMER_WORDS,
  KIN_ADJECTIVES,
  RELATIVE_NOUNS,
  RELATIVE_ROLES,
} from './lexicon/relation-cue-words.js';

/** How an owner relates to a relative: owner TYPE relative (`fromOwner`), or relative TYPE owner. */
export interface Kinship {
  readonly type: RelationType;
  readonly fromOwner: boolean;
  /** The noun was plural ("kids", "parents"). */
  readonly plural: boolean;
  /** The gender the noun implies ("sister", "uncle"); none for "cousin", "friend". */
  readonly gender?: KinGender;
}

/**
 * The kinship a noun stands for after a possessive, plurals included: "sister" → owner sibling_of
 * her, "uncle" → he uncle_of owner; with "ex"/"former" ("my ex husband") the past relation, and
 * none for a past role that has no name of its own ("my former boss").
 */
export function kinshipOf(word: string, adjectives: readonly string[] = []): Kinship | undefined {
  const singular = singularRelative(word);
  const plural = singular !== word;
  const forward = RELATIVE_NOUNS.get(singular);
  const backward = forward ? undefined : RELATIVE_ROLES.get(singular);
  const type = forward ?? backward;
  if (!type) return undefined;
  const gender = genderOfKinWord(singular);
  const said = gender ? { gender } : {};
  if (!adjectives.some((adjective) => FORMER_WORDS.has(adjective)))
    return { type, fromOwner: forward !== undefined, plural, ...said };
  const former = FORMER_RELATIONS.get(type);
  return former ? { type: former, fromOwner: true, plural, ...said } : undefined;
}

/** A kinship noun read from `start`, after any adjectives: what it stands for and where it is. */
export interface KinshipPhrase {
  readonly kinship: Kinship;
  readonly noun: string;
  readonly index: number;
}

/**
 * Reads "[adjectives] noun" ("little sister", "ex husband") from `start`; `wordAt` gives the
 * lower-case word at an index, or undefined at a name. A last adjective that is itself a kinship
 * noun stands alone before a name or a verb ("my ex Jordan", "my baby is sick").
 */
export function readKinship(
  wordAt: (index: number) => string | undefined,
  start: number,
): KinshipPhrase | undefined {
  let cursor = start;
  const adjectives: string[] = [];
  for (let word = wordAt(cursor); word && KIN_ADJECTIVES.has(word); word = wordAt(cursor)) {
    adjectives.push(word);
    cursor += 1;
  }
  const noun = wordAt(cursor);
  const kinship = noun === undefined ? undefined : kinshipOf(noun, adjectives);
  if (noun !== undefined && kinship) return { kinship, noun, index: cursor };
  const last = adjectives.pop();
  const alone = last === undefined ? undefined : kinshipOf(last, adjectives);
  return last !== undefined && alone
    ? { kinship: alone, noun: last, index: cursor - 1 }
    : undefined;
}

/** The relation a kinship noun stands for, plurals included ("sisters" → sibling_of). */
export function kinshipRelation(word: string): RelationType | undefined {
  return kinshipOf(word)?.type;
}

/** True when the word is a kinship or social noun as written ("sister", not "sisters"). */
export function isRelativeNoun(word: string): boolean {
  return RELATIVE_NOUNS.has(word) || RELATIVE_ROLES.has(word);
}

function singularRelative(word: string): string {
  if (RELATIVE_NOUNS.has(word) || RELATIVE_ROLES.has(word)) return word;
  for (const ending of ['ren', 's']) {
    const stem = word.slice(0, -ending.length);
    if (word.endsWith(ending) && (RELATIVE_NOUNS.has(stem) || RELATIVE_ROLES.has(stem)))
      return stem;
  }
  return word;
}
