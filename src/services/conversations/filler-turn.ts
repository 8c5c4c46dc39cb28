import { FILLER_WORDS, GREETING_WORDS, isFunctionWord, wordsOf } from './turn-words.js';

/**
 * Why a turn carries no information worth remembering, or undefined when it may. A turn is
 * filler when it has no letters or digits (emoji, punctuation), when every word is a stop or
 * filler word ("ok thanks!", "lol", "I see"), or when it is a short greeting or thank-you with
 * at most one other word ("Hi John!", "thanks a lot Sam").
 */
export function fillerReason(text: string): 'empty' | 'filler' | undefined {
  if (text.trim() === '') return 'empty';
  const words = wordsOf(text);
  if (words.length === 0) return 'filler';
  const meaningful = words.filter((word) => !isFunctionWord(word) && word !== 'a');
  if (meaningful.length === 0) return 'filler';
  const first = words[0] ?? '';
  if (GREETING_WORDS.has(first) && words.length <= 4 && meaningful.length <= 1) return 'filler';
  if (words.every((word) => FILLER_WORDS.has(word) || word.length <= 1)) return 'filler';
  return undefined;
}
