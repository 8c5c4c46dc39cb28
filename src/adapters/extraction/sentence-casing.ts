import { FUNCTION_WORDS, NEVER_NAMES } from './lexicon/name-words.js';
import { isAllCaps, isCapitalized, type Token } from './tokenizer.js';

/** How sentences use capitals: as English does, or on every word (a headline, a title, shouting). */
export interface SentenceCasing {
  /** Sentences written mostly in capitals ("CRICKET - ENGLAND WIN"). */
  readonly allCaps: ReadonlySet<number>;
  /** Sentences with capitals on most words, little ones included ("Lol I Love This Song"). */
  readonly titleCase: ReadonlySet<number>;
}

interface Counts {
  /** Words of two letters or more, and how many of them are in capitals. */
  words: number;
  caps: number;
  /** Words after the first (not "I"), how many are capitalised, how many are little words. */
  later: number;
  capitalized: number;
  little: number;
}

/** Finds the sentences whose capitals say nothing about names: all capitals, or title case. */
export function sentenceCasing(tokens: readonly Token[]): SentenceCasing {
  const counts = new Map<number, Counts>();
  let previousSentence = -1;
  for (const token of tokens) {
    const first = token.sentence !== previousSentence;
    previousSentence = token.sentence;
    if (!/^\p{L}/u.test(token.text)) continue;
    let count = counts.get(token.sentence);
    if (!count) {
      count = { words: 0, caps: 0, later: 0, capitalized: 0, little: 0 };
      counts.set(token.sentence, count);
    }
    if (/\p{L}{2}/u.test(token.text)) {
      count.words += 1;
      if (isAllCaps(token)) count.caps += 1;
    }
    if (first || token.text === 'I') continue;
    count.later += 1;
    if (!isCapitalized(token)) continue;
    count.capitalized += 1;
    if (isLittleWord(token.lower)) count.little += 1;
  }
  const allCaps = new Set<number>();
  const titleCase = new Set<number>();
  for (const [sentence, count] of counts) {
    if (count.words >= 3 && count.caps / count.words > 0.6) allCaps.add(sentence);
    else if (count.later >= 3 && count.capitalized / count.later >= 0.75 && count.little > 0)
      titleCase.add(sentence);
  }
  return { allCaps, titleCase };
}

function isLittleWord(word: string): boolean {
  return FUNCTION_WORDS.has(word) || NEVER_NAMES.has(word) || word === 'is' || word === 'are';
}
