import { GENDER_ATTRIBUTE, type KinGender } from '../../domain/kin-gender.js';
import type { Metadata } from '../../domain/memory.js';
import { genderOfPronoun } from './earlier-people.js';
import type { Gazetteer } from './gazetteer.js';

/** What of a graph node tells its gender (kept structural: relation-items builds the nodes). */
interface Gendered {
  readonly attributes?: Metadata;
  readonly relative?: { readonly kinship: { readonly gender?: KinGender } };
}

/**
 * The people a text has named so far, latest last, and the gender each is known to have (said by
 * a kinship noun, a first name, or a pronoun already resolved to them), so that "Laurie proposes
 * to Jo, and she says no, and then he marries Amy" reads "he" as Laurie, not Jo.
 */
export class RecentPeople {
  readonly #people: number[] = [];
  readonly #genders = new Map<number, KinGender>();

  constructor(
    readonly nodes: readonly Gendered[],
    readonly gazetteer: Gazetteer,
    readonly nameOf: (node: number) => string,
  ) {}

  /** The latest person named, whatever their gender. */
  get last(): number | undefined {
    return this.#people.at(-1);
  }

  /** Notes a person named (or resolved) at this point of the text, with a gender if one is said. */
  add(node: number, gender?: KinGender): void {
    this.#people.push(node);
    if (gender && !this.#genders.has(node)) this.#genders.set(node, gender);
  }

  /** The latest person the pronoun can mean (none known to be of the other gender); keeps its gender. */
  for(word: string): number | undefined {
    const wanted = genderOfPronoun(word);
    for (let at = this.#people.length - 1; at >= 0; at -= 1) {
      const node = this.#people[at];
      if (node === undefined) continue;
      const known = this.#genderOf(node);
      if (wanted && known && known !== wanted) continue;
      if (wanted && !known) this.#genders.set(node, wanted);
      return node;
    }
    return undefined;
  }

  #genderOf(index: number): KinGender | undefined {
    const set = this.#genders.get(index);
    if (set) return set;
    const node = this.nodes[index];
    if (!node) return undefined;
    const said = node.attributes?.[GENDER_ATTRIBUTE] ?? node.relative?.kinship.gender;
    if (said === 'female' || said === 'male') return said;
    const first = this.nameOf(index).split(/\s+/u)[0]?.toLowerCase() ?? '';
    if (this.gazetteer.femaleNames.has(first) && !this.gazetteer.maleNames.has(first))
      return 'female';
    return this.gazetteer.maleNames.has(first) && !this.gazetteer.femaleNames.has(first)
      ? 'male'
      : undefined;
  }
}
