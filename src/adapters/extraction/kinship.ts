import type { RelationType } from '../../domain/relation-type.js';
import { RELATIVE_NOUNS } from './lexicon/relation-cue-words.js';

/** The relation a kinship noun stands for, plurals included ("sisters" → sibling_of). */
export function kinshipRelation(word: string): RelationType | undefined {
  return RELATIVE_NOUNS.get(singularRelative(word));
}

/** True when the word is a kinship or social noun as written ("sister", not "sisters"). */
export function isRelativeNoun(word: string): boolean {
  return RELATIVE_NOUNS.has(word);
}

function singularRelative(word: string): string {
  if (RELATIVE_NOUNS.has(word)) return word;
  if (word.endsWith('ren') && RELATIVE_NOUNS.has(word.slice(0, -3))) return word.slice(0, -3);
  if (word.endsWith('s') && RELATIVE_NOUNS.has(word.slice(0, -1))) return word.slice(0, -1);
  return word;
}
