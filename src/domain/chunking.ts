/**
 * Splitting long text into chunks for embedding.
 *
 * Token counter: one token per run of letters/digits (with inner apostrophes: "don't") and one per
 * other non-space character (punctuation, symbols). For English this is about 1/1.3 of a BERT
 * WordPiece count, so MAX_CHUNK_TOKENS=512 of ours is roughly 650 WordPiece tokens; GloVe uses
 * the same word tokens, and transformer embedders truncate what exceeds their window.
 */

/** A character range `[start, end)` of the text that must never be cut (e.g. an entity name). */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

/** One chunk: its text and where it sits in the original (`text === original.slice(start, end)`). */
export interface TextChunk {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface ChunkOptions {
  /** Largest number of tokens (see `countTokens`) in a chunk; at least 1. */
  readonly maxTokens: number;
  /** Spans that must stay whole; a span longer than `maxTokens` becomes a chunk of its own. */
  readonly protectedSpans?: readonly TextSpan[];
}

interface Unit {
  readonly start: number;
  readonly end: number;
  readonly tokens: number;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;
const SENTENCE_END = /[.!?…]+["'”’)\]]*(?=\s|$)|\n+/gu;
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'jr',
  'sr',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'inc',
  'ltd',
  'co',
  'corp',
  'no',
  'mt',
  'ft',
  'u.s',
  'u.k',
  'approx',
  'dept',
  'gen',
  'gov',
  'sen',
  'rep',
]);

/** Number of word and punctuation tokens in `text` (the unit of MAX_CHUNK_TOKENS). */
export function countTokens(text: string): number {
  return text.match(TOKEN)?.length ?? 0;
}

/**
 * Splits `text` into chunks of at most `maxTokens` tokens, at sentence boundaries when it can
 * and at word boundaries inside an overlong sentence, never inside a protected span.
 * Whitespace between chunks is dropped; a blank text gives no chunks.
 */
export function chunkText(text: string, options: ChunkOptions): TextChunk[] {
  const maxTokens = Math.max(1, Math.floor(options.maxTokens));
  const spans = options.protectedSpans ?? [];
  const units: Unit[] = [];
  for (const sentence of sentences(text, spans)) {
    if (sentence.tokens <= maxTokens) units.push(sentence);
    else units.push(...wordAtoms(text, sentence, spans));
  }
  return pack(units, maxTokens).map(({ start, end }) => ({
    text: text.slice(start, end),
    start,
    end,
  }));
}

function insideSpan(position: number, spans: readonly TextSpan[]): boolean {
  return spans.some((span) => span.start < position && position < span.end);
}

/** Trimmed sentence ranges with token counts; boundaries inside protected spans are ignored. */
function sentences(text: string, spans: readonly TextSpan[]): Unit[] {
  const cuts = [0];
  for (const match of text.matchAll(SENTENCE_END)) {
    const cut = match.index + match[0].length;
    if (!insideSpan(cut, spans) && !isAbbreviation(text, match.index, match[0])) cuts.push(cut);
  }
  cuts.push(text.length);
  const units: Unit[] = [];
  for (let index = 1; index < cuts.length; index += 1) {
    const unit = trimmed(text, cuts[index - 1] ?? 0, cuts[index] ?? text.length);
    if (unit) units.push(unit);
  }
  return units;
}

/** A period after an abbreviation or initial, or one followed by a lower-case word, ends nothing. */
function isAbbreviation(text: string, index: number, mark: string): boolean {
  if (!mark.startsWith('.') || mark.length > 1) return false;
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, index - 12), index))?.[1] ?? '';
  if (word.length === 1 || ABBREVIATIONS.has(word.toLowerCase())) return true;
  const next = /\S/u.exec(text.slice(index + 1, index + 40))?.[0] ?? '';
  return next !== '' && next === next.toLowerCase() && next !== next.toUpperCase();
}

function trimmed(text: string, start: number, end: number): Unit | undefined {
  let from = start;
  let to = end;
  while (from < to && /\s/u.test(text.charAt(from))) from += 1;
  while (to > from && /\s/u.test(text.charAt(to - 1))) to -= 1;
  if (from === to) return undefined;
  return { start: from, end: to, tokens: countTokens(text.slice(from, to)) };
}

/** The tokens of an overlong sentence, glued together where a cut would split a protected span. */
function wordAtoms(text: string, sentence: Unit, spans: readonly TextSpan[]): Unit[] {
  const atoms: Unit[] = [];
  TOKEN.lastIndex = 0;
  for (const match of text.slice(sentence.start, sentence.end).matchAll(TOKEN)) {
    const start = sentence.start + match.index;
    const end = start + match[0].length;
    const previous = atoms.at(-1);
    const glued = previous && spans.some((span) => span.start < start && span.end > previous.end);
    if (previous && glued) {
      atoms[atoms.length - 1] = { start: previous.start, end, tokens: previous.tokens + 1 };
    } else {
      atoms.push({ start, end, tokens: 1 });
    }
  }
  return atoms;
}

/** Greedily joins consecutive units while the total stays within `maxTokens`. */
function pack(units: readonly Unit[], maxTokens: number): Unit[] {
  const chunks: Unit[] = [];
  let current: Unit | undefined;
  for (const unit of units) {
    if (current && current.tokens + unit.tokens <= maxTokens) {
      current = { start: current.start, end: unit.end, tokens: current.tokens + unit.tokens };
    } else {
      if (current) chunks.push(current);
      current = unit;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}
