/** Cue words of talking to someone: kinship words called out, "you", calls to a pet (decision 0003). */

import type { RelationType } from '../../../domain/relation-type.js';
import { wordGroups, words } from '../../../domain/word-list.js';

/**
 * Kinship words used to call someone ("Hi Mom!", "Son, listen"): how the speaker relates to the
 * one called. "Father", "sister" and "brother" are left out: priests, nuns and friends are called so.
 */
export const CALLED_KIN: ReadonlyMap<string, RelationType> = wordGroups<RelationType>({
  child_of: 'mom mommy mum mummy mama momma ma dad daddy papa pa pop mother',
  parent_of: 'son',
  grandchild_of: 'grandma grandpa granny grandmother grandfather nana',
});

/** Words that may open a sentence before a word called out ("oh, hey Mom", "uh Dad, …"). */
export const CALL_OPENERS: ReadonlySet<string> = words(`
  oh hey hi hello ok okay well so and uh um umm yes yeah no bye morning night thanks sorry look
  listen please , …
`);

/** Marks that may follow a word called out ("Mom, …", "Hi Dad!", "Hey mom."). */
export const CALL_ENDS: ReadonlySet<string> = words(', ! . ? … ... ; -');

/** "you're my sister", "you are Emma's father": second person and a copula. */
export const YOU_ARE: ReadonlySet<string> = words("you're youre");

/** Copulas after "you" and after a first-person subject ("I am your brother"). */
export const ADDRESS_COPULAS: ReadonlySet<string> = words("are were am was be 'm 're");

/** Words allowed between the copula and the kinship phrase; modals are not ("could be"). */
export const ADDRESS_MODIFIERS: ReadonlySet<string> = words(
  'still really actually always now truly also',
);

/** Second-person possessives: "your sister Ana" belongs to the addressee. */
export const SECOND_PERSON_POSSESSIVES: ReadonlySet<string> = words('your ur');

/** "Here Mitzi! Here Mitzi!": the word that calls an animal to its owner. */
export const PET_CALLS: ReadonlySet<string> = words('here');

/** Three- and four-word phrases of a phone call ("I'll call you later"): the one called is on the line. */
export const PHONE_PHRASES: ReadonlySet<string> = new Set([
  'call you later',
  'call you back',
  'call you tomorrow',
  'talk to you later',
  'talk to you soon',
  'talk to you tomorrow',
  'on the phone',
]);
