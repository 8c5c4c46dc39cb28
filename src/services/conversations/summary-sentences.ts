import type { Sentence } from '../../domain/sentences.js';

/** True when `name` occurs in `text`, case-insensitively, as whole words. */
export function mentionsName(text: string, name: string): boolean {
  const haystack = text.toLowerCase();
  const needle = name.toLowerCase().trim();
  if (needle === '') return true;
  for (
    let start = haystack.indexOf(needle);
    start !== -1;
    start = haystack.indexOf(needle, start + 1)
  ) {
    if (isBoundary(haystack, start - 1) && isBoundary(haystack, start + needle.length)) return true;
  }
  return false;
}

function isBoundary(text: string, index: number): boolean {
  const char = text[index];
  return char === undefined || !/[\p{L}\p{N}_]/u.test(char);
}

/** Joins sentences in source order, with a line break where the source had one between them. */
export function joinSentences(source: string, sentences: readonly Sentence[]): string {
  let output = '';
  sentences.forEach((sentence, index) => {
    const previous = sentences[index - 1];
    if (previous) output += source.slice(previous.end, sentence.start).includes('\n') ? '\n' : ' ';
    output += sentence.text;
  });
  return output;
}
