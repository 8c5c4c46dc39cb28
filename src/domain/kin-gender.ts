import { wordGroups } from './word-list.js';

/** The gender a word for a person implies: "my sister" is a woman, "my brother" a man. */
export type KinGender = 'female' | 'male';

/** Kinship and partner words that say the person's gender, singular and plural. */
const GENDERS = wordGroups<KinGender>({
  female: `
    sister sisters sis half-sister stepsister twin_sister
    mother mothers mom moms mum mums mommy mama ma stepmom stepmother
    wife wives wifey ex-wife
    daughter daughters stepdaughter granddaughter granddaughters
    grandmother grandma granny nana
    aunt aunts auntie niece nieces
    girlfriend girlfriends gf ex-girlfriend fiancee fiancée
  `,
  male: `
    brother brothers bro half-brother stepbrother twin_brother
    father fathers dad dads daddy papa pa stepdad stepfather
    husband husbands hubby ex-husband
    son sons stepson grandson grandsons
    grandfather grandpa
    uncle uncles nephew nephews
    boyfriend boyfriends bf ex-boyfriend fiance fiancé
  `,
});

/** The gender a kinship word implies ("sister" → female, "uncle" → male), or undefined ("cousin"). */
export function genderOfKinWord(word: string): KinGender | undefined {
  return GENDERS.get(word.toLowerCase());
}

/** The entity attribute that holds the gender a kinship word gave. */
export const GENDER_ATTRIBUTE = 'gender';
