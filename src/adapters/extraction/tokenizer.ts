import { NAME_ABBREVIATIONS, STATE_ABBREVIATIONS, splitSentences } from '../../domain/sentences.js';

/** A word or punctuation mark with its character span in the source text (`end` exclusive). */
export interface Token {
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  /** Index of the sentence the token belongs to. */
  readonly sentence: number;
}

// Titles, company words and states that keep their period ("Dr.", "Inc.", "Mass.").
const ABBREVIATION = [...NAME_ABBREVIATIONS, ...STATE_ABBREVIATIONS].join('|');

// Acronyms with dots (U.S., U.K.), words with inner apostrophes/hyphens/ampersands, numbers with
// separators, then any other single non-space character (punctuation, emoji).
const TOKEN_PATTERN = new RegExp(
  [
    String.raw`(?:\p{Lu}\.){2,}`,
    String.raw`(?:\p{Lu}\.)+\p{Lu}(?![\p{L}\p{N}])`,
    String.raw`\p{Lu}\.(?=\s+\p{Lu})`,
    String.raw`(?:${ABBREVIATION})\.(?![\p{L}\p{N}])`,
    String.raw`[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:[-&][\p{L}\p{M}\p{N}]+|['’](?![sS]\b)[\p{L}\p{M}\p{N}]+)*`,
    String.raw`['’][sS]\b`,
    String.raw`\p{N}+(?:[.,:/-]\p{N}+)*(?:st|nd|rd|th|s)?`,
    String.raw`\p{Extended_Pictographic}+`,
    String.raw`\S`,
  ].join('|'),
  'gu',
);

/** Splits text into tokens with spans, each with the index of its `splitSentences` sentence. */
export function tokenize(text: string): Token[] {
  const sentences = splitSentences(text);
  const tokens: Token[] = [];
  let sentence = 0;
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const word = match[0];
    const start = match.index;
    while ((sentences[sentence]?.end ?? Infinity) <= start) sentence += 1;
    tokens.push({
      text: word,
      lower: word.toLowerCase(),
      start,
      end: start + word.length,
      sentence,
    });
  }
  return tokens;
}

/** True when the token starts with an upper-case letter. */
export function isCapitalized(token: Token): boolean {
  return /^\p{Lu}/u.test(token.text);
}

/** True when the token is all upper-case letters (two or more). */
export function isAllCaps(token: Token): boolean {
  return /^\p{Lu}[\p{Lu}\p{N}&.'-]+$/u.test(token.text);
}
