import { NOT_OCCUPATIONS, PERSON_TITLES } from './lexicon/person-words.js';
import { ROLE_NOUNS } from './lexicon/relation-cue-words.js';

// Occupations by their ending: "businessman", "historian", "placekicker", "composer".
const OCCUPATION = /^\p{Ll}{3,}(?:man|woman|ian|ist|er|or|ant|ent)$/u;

/** A job title or occupation noun ("gov.", "ambassador", "businessman", "historian"). */
export function isRoleWord(word: string): boolean {
  const bare = word.replace(/\.$/u, '');
  if (ROLE_NOUNS.has(bare) || PERSON_TITLES.has(bare)) return true;
  return OCCUPATION.test(bare) && !NOT_OCCUPATIONS.has(bare);
}
