/** Words that make a name MISC: a pet's, or a nationality (general English). */

import { words } from '../../../domain/word-list.js';

/** Animals people keep as pets: the name after one is a pet's ("my dog Rex"). */
export const PET_NOUNS: ReadonlySet<string> = words(`
  dog cat puppy kitten pup doggo kitty hamster rabbit bunny parrot bird fish goldfish turtle
  tortoise horse pony snake lizard gecko guinea ferret pig budgie iguana mouse rat
`);

/** Endings of nationality and religion adjectives ("Kurdish", "Chechen", "Zairean", "Islamic"). */
export const NATIONALITY_ENDINGS: ReadonlySet<string> = words('ish ese ian ean ic an');
