/** A word or punctuation mark with its character span in the source text (`end` exclusive). */
export interface Token {
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  /** Index of the sentence the token belongs to. */
  readonly sentence: number;
}

// Acronyms with dots (U.S., U.K.), words with inner apostrophes/hyphens/ampersands, numbers with
// separators, then any other single non-space character (punctuation, emoji).
const TOKEN_PATTERN =
  /(?:\p{Lu}\.){2,}|(?:\p{Lu}\.)+\p{Lu}(?![\p{L}\p{N}])|\p{Lu}\.(?=\s+\p{Lu})|(?:Inc|Corp|Ltd|Co|Jr|Sr|Bros|Mr|Mrs|Ms|Dr|Prof|St|Mt|Gen|Gov|Sen|Rep|Col|Capt|Lt|Sgt|Fla|Calif|Mass|Ill|Tex|Wash|Ga|Va|Pa|Ariz|Colo|Conn|Mich|Minn|Ore|Okla|Tenn|Ky|La|Md|Mo|Ala|Wis|Ind|Neb|Nev|Kan|Ark)\.(?![\p{L}\p{N}])|[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:[-&][\p{L}\p{M}\p{N}]+|['’](?![sS]\b)[\p{L}\p{M}\p{N}]+)*|['’][sS]\b|\p{N}+(?:[.,:/-]\p{N}+)*(?:st|nd|rd|th|s)?|\p{Extended_Pictographic}+|\S/gu;

const NON_FINAL_ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'inc',
  'corp',
  'ltd',
  'co',
  'jr',
  'sr',
  'gen',
  'gov',
  'sen',
  'rep',
  'col',
  'capt',
  'lt',
  'sgt',
  'mt',
  'vs',
  'no',
  'jan',
  'feb',
  'aug',
  'sept',
  'oct',
  'nov',
  'dec',
  'u.s',
  'e.g',
  'i.e',
  'etc',
]);

/** Splits text into tokens with spans and assigns sentence indexes (., !, ? end sentences). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const word = match[0];
    const start = match.index;
    const previous = tokens[tokens.length - 1];
    if (
      previous &&
      previous.sentence === sentence &&
      text.slice(previous.end, start).includes('\n')
    ) {
      sentence += 1;
    }
    const token: Token = {
      text: word,
      lower: word.toLowerCase(),
      start,
      end: start + word.length,
      sentence,
    };
    tokens.push(token);
    if (endsSentence(tokens)) sentence += 1;
  }
  return tokens;
}

function endsSentence(tokens: readonly Token[]): boolean {
  const last = tokens[tokens.length - 1];
  if (!last) return false;
  if (last.text === '!' || last.text === '?') return true;
  if (last.text !== '.') return false;
  const previous = tokens[tokens.length - 2];
  if (!previous || previous.end !== last.start) return true;
  if (NON_FINAL_ABBREVIATIONS.has(previous.lower)) return false;
  // A lone capital before a dot is an initial ("John F. Kennedy").
  return !/^\p{Lu}$/u.test(previous.text);
}

/** True when the token starts with an upper-case letter. */
export function isCapitalized(token: Token): boolean {
  return /^\p{Lu}/u.test(token.text);
}

/** True when the token is all upper-case letters (two or more). */
export function isAllCaps(token: Token): boolean {
  return /^\p{Lu}[\p{Lu}\p{N}&.'-]+$/u.test(token.text);
}
