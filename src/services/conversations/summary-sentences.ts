/** A sentence of a source text and where it sits (`text === source.slice(start, end)`). */
export interface SourceSentence {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const SENTENCE = /[^\n]*?(?:[.!?…]+["'”’)\]]*(?=\s|$)|(?=\n)|$)/gu;
const ABBREVIATION = /\b(?:mr|mrs|ms|dr|prof|st|jr|sr|vs|etc|e\.g|i\.e|inc|ltd|corp|mt|no)\.$/i;

/** Sentences of `text`, split at . ! ? … and at line breaks, never after a common abbreviation. */
export function splitSentences(text: string): SourceSentence[] {
  const sentences: SourceSentence[] = [];
  let pendingStart: number | undefined;
  for (const match of text.matchAll(SENTENCE)) {
    if (match[0] === '' && match.index >= text.length) break;
    const start = pendingStart ?? match.index;
    const end = match.index + match[0].length;
    if (ABBREVIATION.test(match[0]) && text[end] !== '\n' && end < text.length) {
      pendingStart = start;
      continue;
    }
    pendingStart = undefined;
    pushTrimmed(sentences, text, start, end);
  }
  if (pendingStart !== undefined) pushTrimmed(sentences, text, pendingStart, text.length);
  return sentences;
}

function pushTrimmed(into: SourceSentence[], text: string, start: number, end: number) {
  const raw = text.slice(start, end);
  const leading = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  if (trimmed === '') return;
  into.push({ text: trimmed, start: start + leading, end: start + leading + trimmed.length });
}

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
export function joinSentences(source: string, sentences: readonly SourceSentence[]): string {
  let output = '';
  sentences.forEach((sentence, index) => {
    const previous = sentences[index - 1];
    if (previous) output += source.slice(previous.end, sentence.start).includes('\n') ? '\n' : ' ';
    output += sentence.text;
  });
  return output;
}
