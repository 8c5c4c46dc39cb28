import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** A gold or predicted span by character offsets in a document's text (`end` exclusive). */
export interface LabeledSpan {
  readonly start: number;
  readonly end: number;
  readonly type: string;
}

/** One CoNLL-2003 document rebuilt as text: tokens joined by spaces, sentences by newlines. */
export interface ConllDocument {
  readonly text: string;
  readonly sentences: number;
  readonly gold: readonly LabeledSpan[];
}

/** One CoNLL04 sentence (SpERT JSON). */
export interface Conll04Sentence {
  readonly tokens: readonly string[];
  readonly entities: ReadonlyArray<{
    readonly type: string;
    readonly start: number;
    readonly end: number;
  }>;
  readonly relations: ReadonlyArray<{
    readonly type: string;
    readonly head: number;
    readonly tail: number;
  }>;
}

/** One DialogRE dialogue: turns and labelled argument pairs. */
export type DialogreDialogue = [
  readonly string[],
  ReadonlyArray<{
    readonly x: string;
    readonly y: string;
    readonly r: readonly string[];
    /** Each label's trigger: the dialogue's words that say it ("sister"), empty when inferred. */
    readonly t?: readonly string[];
  }>,
];

/** Resolves `--data` (a folder holding `relative`, or the file itself) to an existing file, or undefined. */
export function resolveDataFile(data: string | undefined, relative: string): string | undefined {
  const base = data ?? path.resolve(process.cwd(), '..', 'shared', 'data');
  const candidates = [base, path.join(base, relative)];
  return candidates.find(
    (candidate) => candidate.endsWith(path.basename(relative)) && existsSync(candidate),
  );
}

/** Parses a CoNLL-2003 file (token POS chunk NER, IOB tags) into documents. */
export async function loadConll2003(file: string): Promise<ConllDocument[]> {
  const lines = (await readFile(file, 'utf8')).split('\n');
  const documents: Array<Array<Array<[string, string]>>> = [];
  let sentence: Array<[string, string]> = [];
  const flush = (): void => {
    if (sentence.length > 0)
      (documents[documents.length - 1] ?? documents[documents.push([]) - 1])?.push(sentence);
    sentence = [];
  };
  for (const line of lines) {
    if (line.startsWith('-DOCSTART-')) {
      flush();
      documents.push([]);
    } else if (line.trim() === '') flush();
    else {
      const parts = line.split(' ');
      sentence.push([parts[0] ?? '', parts[parts.length - 1] ?? 'O']);
    }
  }
  flush();
  return documents.filter((document) => document.length > 0).map(buildDocument);
}

function buildDocument(sentences: ReadonlyArray<ReadonlyArray<[string, string]>>): ConllDocument {
  let text = '';
  const gold: LabeledSpan[] = [];
  for (const sentence of sentences) {
    if (text.length > 0) text += '\n';
    let open: { start: number; end: number; type: string } | undefined;
    sentence.forEach(([token, tag], index) => {
      if (index > 0) text += ' ';
      const start = text.length;
      text += token;
      const [prefix, type] = tag.split('-');
      if (open && (prefix !== 'I' || type !== open.type)) {
        gold.push(open);
        open = undefined;
      }
      if (type && (prefix === 'B' || (prefix === 'I' && !open)))
        open = { start, end: text.length, type };
      else if (open && type) open.end = text.length;
    });
    if (open) gold.push(open);
  }
  return { text, sentences: sentences.length, gold };
}

/** Reads a JSON file. */
export async function loadJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T;
}
