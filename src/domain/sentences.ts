import { words } from './word-list.js';

/** One sentence of a text and where it sits (`text === source.slice(start, end)`). */
export interface Sentence {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** A character range `[start, end)` of the text that must never be cut (e.g. an entity name). */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

export interface SentenceOptions {
  /** Boundaries inside these spans are ignored ("Panic! At the Disco" stays one name). */
  readonly protectedSpans?: readonly TextSpan[];
}

/** Titles and company words that take a period inside a name ("Dr. Smith", "Acme Inc."). */
export const NAME_ABBREVIATIONS: ReadonlySet<string> = words(`
  Mr Mrs Ms Dr Prof St Mt Jr Sr Inc Corp Ltd Co Bros Gen Gov Sen Rep Col Capt Lt Sgt
`);

/** US states that keep their period in a name ("Concord, Mass."), matched capitalised only. */
export const STATE_ABBREVIATIONS: ReadonlySet<string> = words(`
  Ala Ariz Ark Calif Colo Conn Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn Mo Neb Nev Okla Ore Pa
  Tenn Tex Va Wash Wis
`);

/** Other abbreviations whose period seldom ends a sentence ("No. 5", "Sept. 25", "vs."). */
const OTHER_ABBREVIATIONS: ReadonlySet<string> = words(`
  vs no etc ft approx dept jan feb aug sept oct nov dec
`);

const ANY_CASE = new Set(
  [...NAME_ABBREVIATIONS, ...OTHER_ABBREVIATIONS].map((word) => word.toLowerCase()),
);

const SENTENCE_END = /[.!?…]+["'”’)\]]*(?=\s|$)|(?<=\p{Ll})[.!?…]+(?=\p{Lu})|\n+/gu;

/**
 * Sentences of `text`, trimmed and never blank: they end at a line break, or at . ! ? … (with
 * closing quotes or brackets) before a space, except a single period after an abbreviation, an
 * initial ("J. R. Tolkien") or a dotted acronym ("U.S.", "a.m.").
 */
export function splitSentences(text: string, options: SentenceOptions = {}): Sentence[] {
  const spans = options.protectedSpans ?? [];
  const cuts = [0];
  for (const match of text.matchAll(SENTENCE_END)) {
    const cut = match.index + match[0].length;
    if (!insideSpan(cut, spans) && !continuesAfter(text, match.index, match[0])) cuts.push(cut);
  }
  cuts.push(text.length);
  const sentences: Sentence[] = [];
  for (let index = 1; index < cuts.length; index += 1) {
    const sentence = trimmed(text, cuts[index - 1] ?? 0, cuts[index] ?? text.length);
    if (sentence) sentences.push(sentence);
  }
  return sentences;
}

function insideSpan(position: number, spans: readonly TextSpan[]): boolean {
  return spans.some((span) => span.start < position && position < span.end);
}

/** A lone period after an abbreviation, an initial or a dotted acronym ends nothing. */
function continuesAfter(text: string, index: number, mark: string): boolean {
  if (mark !== '.') return false;
  const word = wordBefore(text, index);
  if (/^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) return true;
  return ANY_CASE.has(word.toLowerCase()) || STATE_ABBREVIATIONS.has(word);
}

/** The non-space run ending at `index`, without leading punctuation ("(Dr" → "Dr"). */
function wordBefore(text: string, index: number): string {
  let start = index;
  while (start > 0 && !/\s/u.test(text.charAt(start - 1))) start -= 1;
  return text.slice(start, index).replace(/^[^\p{L}]+/u, '');
}

function trimmed(text: string, start: number, end: number): Sentence | undefined {
  let from = start;
  let to = end;
  while (from < to && /\s/u.test(text.charAt(from))) from += 1;
  while (to > from && /\s/u.test(text.charAt(to - 1))) to -= 1;
  return from === to ? undefined : { text: text.slice(from, to), start: from, end: to };
}
