import { InvalidInputError } from './errors.js';

const FENCE = /```[a-zA-Z0-9_-]*[ \t]*\r?\n?([\s\S]*?)```/g;
const SMART_DOUBLE = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
const SMART_SINGLE = /[\u2018\u2019\u201A\u201B\u2032]/g;
const BARE_WORDS: Readonly<Record<string, string>> = {
  True: 'true',
  False: 'false',
  None: 'null',
  true: 'true',
  false: 'false',
  null: 'null',
};

/**
 * Parses JSON as language models write it: inside ``` fences, with prose around it, trailing
 * commas, comments, single quotes, smart quotes, unquoted keys or Python literals.
 * Throws InvalidInputError when no JSON value can be recovered.
 */
export function parseTolerantJson(text: string): unknown {
  for (const candidate of candidates(text)) {
    const value = tryParse(candidate) ?? tryParse(repairJson(candidate));
    if (value !== undefined) return value.value;
  }
  throw new InvalidInputError('model output contains no parsable JSON');
}

function tryParse(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

/** Texts worth trying, most literal first: the whole, each fenced block, each bracketed span. */
function* candidates(text: string): Generator<string> {
  const trimmed = text.trim();
  if (trimmed) yield trimmed;
  for (const match of trimmed.matchAll(FENCE)) {
    const inner = match[1]?.trim();
    if (inner) yield* bracketed(inner, true);
  }
  const unfenced = trimmed.replace(/^```[a-zA-Z0-9_-]*/, '').replace(/```$/, '');
  yield* bracketed(unfenced, false);
}

/** The inner text itself (when fenced), then every balanced `{…}` / `[…]` span in order. */
function* bracketed(text: string, includeWhole: boolean): Generator<string> {
  if (includeWhole) yield text;
  const normalised = normaliseQuotes(text);
  for (let index = 0; index < normalised.length; index += 1) {
    const char = normalised[index];
    if (char !== '{' && char !== '[') continue;
    const end = matchingBracket(normalised, index);
    if (end === -1) continue;
    yield normalised.slice(index, end + 1);
    index = end;
  }
}

function normaliseQuotes(text: string): string {
  return text.replace(SMART_DOUBLE, '"').replace(SMART_SINGLE, "'");
}

/** Index of the bracket closing the one at `start`, skipping strings; -1 if unbalanced. */
function matchingBracket(text: string, start: number): number {
  const stack: string[] = [];
  for (let index = start; index < text.length; index += 1) {
    const char = text[index] as string;
    if (char === '"' || (char === "'" && isStringStart(text, index))) {
      index = stringEnd(text, index);
      if (index === -1) return -1;
    } else if (char === '{' || char === '[') {
      stack.push(char === '{' ? '}' : ']');
    } else if (char === '}' || char === ']') {
      if (stack.pop() !== char) return -1;
      if (stack.length === 0) return index;
    }
  }
  return -1;
}

/** A single quote opens a string only where a JSON value or key may start (not in "it's"). */
function isStringStart(text: string, index: number): boolean {
  const before = text.slice(0, index).trimEnd();
  const previous = before[before.length - 1];
  return previous === undefined || '{[,:'.includes(previous);
}

/** Index of the quote closing the string opened at `start`, honouring backslash escapes. */
function stringEnd(text: string, start: number): number {
  const quote = text[start];
  for (let index = start + 1; index < text.length; index += 1) {
    const char = text[index];
    if (char === '\\') index += 1;
    else if (char === quote) return index;
  }
  return -1;
}

/** Rewrites near-JSON into JSON: one pass over the text, outside strings only. */
function repairJson(text: string): string {
  const source = normaliseQuotes(text);
  let output = '';
  let index = 0;
  while (index < source.length) {
    const char = source[index] as string;
    if (char === '"' || (char === "'" && isStringStart(source, index))) {
      const end = stringEnd(source, index);
      if (end === -1) return output + source.slice(index);
      output += requote(source.slice(index + 1, end), char);
      index = end + 1;
    } else if (char === '/' && (source[index + 1] === '/' || source[index + 1] === '*')) {
      index = commentEnd(source, index);
    } else if (char === ',' && nextSignificant(source, index + 1) in CLOSERS) {
      index += 1;
    } else if (/[A-Za-z_$]/.test(char)) {
      const word = /^[A-Za-z_$][\w$]*/.exec(source.slice(index))?.[0] ?? char;
      output += bareWord(word, nextSignificant(source, index + word.length));
      index += word.length;
    } else {
      output += char;
      index += 1;
    }
  }
  return output;
}

const CLOSERS: Readonly<Record<string, true>> = { '}': true, ']': true };

/** The string body as a double-quoted JSON string. */
function requote(body: string, quote: string): string {
  if (quote === '"') return `"${body}"`;
  const unescaped = body.replace(/\\'/g, "'");
  return `"${unescaped.replace(/(^|[^\\])"/g, '$1\\"')}"`;
}

/** An unquoted key becomes a string; Python/JSON literals map to JSON; other words stay. */
function bareWord(word: string, next: string): string {
  if (next === ':') return `"${word}"`;
  return BARE_WORDS[word] ?? word;
}

function nextSignificant(text: string, from: number): string {
  for (let index = from; index < text.length; index += 1) {
    const char = text[index] as string;
    if (!/\s/.test(char)) return char;
  }
  return '';
}

function commentEnd(text: string, start: number): number {
  if (text[start + 1] === '/') {
    const newline = text.indexOf('\n', start);
    return newline === -1 ? text.length : newline;
  }
  const close = text.indexOf('*/', start + 2);
  return close === -1 ? text.length : close + 2;
}
