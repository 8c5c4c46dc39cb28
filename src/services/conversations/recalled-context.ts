import { contentWordsOf, wordsOf } from './turn-words.js';

const BLOCK = /<(memories|recalled)>([\s\S]*?)(?:<\/\1>|$)/gi;
const LINE = /^[ \t]*\[recalled\][^\n]*(?:\n|$)/gim;
/** Share of a turn's content words that a recalled text must hold for the turn to be a repeat. */
export const CONTAINMENT = 0.8;

/**
 * Text that an application recalled from memory and put into a conversation: the inside of
 * `<memories>…</memories>` (or `<recalled>…</recalled>`) blocks, an unclosed block running to
 * the end of the message, and lines that start with `[recalled]`.
 */
export function recalledPassages(text: string): string[] {
  const passages: string[] = [];
  for (const match of text.matchAll(BLOCK)) passages.push(...lines(match[2] ?? ''));
  for (const match of text.matchAll(LINE)) passages.push(match[0].replace(/\[recalled\]/i, ''));
  return passages.map((passage) => passage.trim()).filter((passage) => passage !== '');
}

/** The text with every recalled block and `[recalled]` line removed. */
export function withoutRecalled(text: string): string {
  return text.replace(BLOCK, ' ').replace(LINE, '').trim();
}

/**
 * True when `text` is (nearly) contained in one of `passages`: its normalised words appear
 * verbatim in one, or at least 80% of its content words (all words when it has none) occur
 * in a single passage.
 */
export function isContainedIn(text: string, passages: readonly string[]): boolean {
  const phrase = wordsOf(text).join(' ');
  if (phrase === '') return false;
  const words = contentWordsOf(text);
  const needles = new Set(words.length > 0 ? words : wordsOf(text));
  return passages.some((passage) => {
    if (quotes(passage, phrase)) return true;
    const haystack = new Set([...contentWordsOf(passage), ...wordsOf(passage)]);
    let found = 0;
    for (const needle of needles) if (haystack.has(needle)) found += 1;
    return found / needles.size >= CONTAINMENT;
  });
}

/** True when the normalised words of `text` occur verbatim, in order, in one of `passages`. */
export function isQuotedIn(text: string, passages: readonly string[]): boolean {
  const phrase = wordsOf(text).join(' ');
  return phrase !== '' && passages.some((passage) => quotes(passage, phrase));
}

function quotes(passage: string, phrase: string): boolean {
  return ` ${wordsOf(passage).join(' ')} `.includes(` ${phrase} `);
}

function lines(block: string): string[] {
  return block.split(/\r?\n/).map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, ''));
}
