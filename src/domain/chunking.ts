/**
 * Splitting long text into chunks for embedding.
 *
 * Token counter: one token per run of letters/digits (with inner apostrophes: "don't") and one per
 * other non-space character (punctuation, symbols). For English this is about 1/1.3 of a BERT
 * WordPiece count, so MAX_CHUNK_TOKENS=512 of ours is roughly 650 WordPiece tokens; GloVe uses
 * the same word tokens, and transformer embedders truncate what exceeds their window.
 */

import { splitSentences, type TextSpan } from './sentences.js';

export type { TextSpan } from './sentences.js';

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

/** Sentence ranges with token counts; boundaries inside protected spans are ignored. */
function sentences(text: string, spans: readonly TextSpan[]): Unit[] {
  return splitSentences(text, { protectedSpans: spans }).map((sentence) => ({
    start: sentence.start,
    end: sentence.end,
    tokens: countTokens(sentence.text),
  }));
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
