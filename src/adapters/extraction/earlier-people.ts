import type { Extraction } from '../../domain/extraction.js';
import { GENDER_ATTRIBUTE, type KinGender } from '../../domain/kin-gender.js';
import type { EarlierTurn } from '../../ports/entity-extractor.js';
import type { Gazetteer } from './gazetteer.js';

/** A person named in an earlier turn, whom a later "he" or "she" may mean. */
export interface Antecedent {
  readonly name: string;
  /** What the earlier turn said ("my sister Ana"), else what the first name says. */
  readonly gender?: KinGender;
}

// Pronouns that may point back to a person named in an earlier turn.
const BACK_POINTING = /\b(?:he|she|him|her|his|he's|she's|he’s|she’s)\b/iu;

/** True when the text has a third-person pronoun that earlier turns might resolve. */
export function pointsBack(text: string): boolean {
  return BACK_POINTING.test(text);
}

/**
 * The people named in the earlier turns, most recent first (the salience order a listener
 * keeps): named mentions only, never a speaker, the one spoken to, or a relative left unnamed.
 */
export function earlierPeople(
  turns: readonly EarlierTurn[],
  extract: (turn: EarlierTurn) => Extraction,
  gazetteer: Gazetteer,
  present: ReadonlySet<string>,
): Antecedent[] {
  const people: Antecedent[] = [];
  const seen = new Set<string>();
  for (const turn of [...turns].reverse()) {
    const { entities } = extract(turn);
    for (const mention of [...entities].reverse()) {
      const name = mention.text;
      const key = name.toLowerCase();
      if (mention.type !== 'PERSON' || mention.isSpeaker || name.includes("'")) continue;
      if (present.has(key) || seen.has(key)) continue;
      seen.add(key);
      const said = mention.attributes?.[GENDER_ATTRIBUTE];
      const gender =
        said === 'female' || said === 'male' ? said : genderOfFirstName(name, gazetteer);
      people.push({ name, ...(gender ? { gender } : {}) });
    }
  }
  return people;
}

function genderOfFirstName(name: string, gazetteer: Gazetteer): KinGender | undefined {
  const first = name.split(/\s+/u)[0]?.toLowerCase() ?? '';
  if (gazetteer.femaleNames.has(first)) return 'female';
  return gazetteer.maleNames.has(first) ? 'male' : undefined;
}

/** The gender a pronoun asks of its antecedent ("she" → female), or undefined ("they"). */
export function genderOfPronoun(word: string): KinGender | undefined {
  if (word === 'she' || word === 'her' || word === 'hers' || word === "she's") return 'female';
  return word === 'he' || word === 'him' || word === 'his' || word === "he's" ? 'male' : undefined;
}

/** The most salient earlier person a pronoun can mean: the latest one of no other gender. */
export function antecedentFor(word: string, people: readonly Antecedent[]): Antecedent | undefined {
  const wanted = genderOfPronoun(word);
  if (!wanted) return undefined;
  return people.find((person) => person.gender === undefined || person.gender === wanted);
}
