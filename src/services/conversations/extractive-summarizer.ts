import { type Sentence, splitSentences } from '../../domain/sentences.js';
import type { Embedder } from '../../ports/embedder.js';
import { joinSentences, mentionsName } from './summary-sentences.js';

const STOP_WORDS = new Set(
  'the a an and or but if of to in on at for with from by as is are was were be been being it its this that these those i me my you your he him his she her we our they them their there here what which who whom how when where why not no so do does did have has had just very can will would could should about into than then too also really yeah oh hey hi'.split(
    ' ',
  ),
);
const DAMPING = 0.85;
const ITERATIONS = 30;

export interface ExtractiveOptions {
  /** Names the summary must contain; sentences are chosen until each one is covered. */
  readonly requiredNames: readonly string[];
  /** Length target in sentences (entity coverage may exceed it). */
  readonly targetSentences: number;
}

export interface ExtractiveSummary {
  readonly summary: string;
  /** Required names that no sentence contains, appended as "Also mentioned: …". */
  readonly appendedNames: string[];
}

/**
 * Extractive summaries: sentences ranked by TextRank centrality (cosine over bag-of-words, or
 * over an injected Embedder's vectors), chosen greedily to cover every required name first and
 * then to reach the length target, returned in source order. Required names are kept by
 * construction: any name found in no single sentence is appended.
 */
export class ExtractiveSummarizer {
  readonly #embedder: Embedder | undefined;

  constructor(embedder?: Embedder) {
    this.#embedder = embedder;
  }

  /** The summary of `text` and the names that had to be appended. */
  async summarize(text: string, options: ExtractiveOptions): Promise<ExtractiveSummary> {
    const sentences = splitSentences(text);
    const centrality = textRank(await this.#similarities(sentences));
    const chosen = choose(sentences, centrality, options);
    const covered = joinSentences(text, chosen);
    const appendedNames = options.requiredNames.filter((name) => !mentionsName(covered, name));
    const summary =
      appendedNames.length === 0
        ? covered
        : `${covered}\nAlso mentioned: ${appendedNames.join(', ')}.`;
    return { summary: summary.trim(), appendedNames };
  }

  async #similarities(sentences: readonly Sentence[]): Promise<number[][]> {
    if (!this.#embedder) return bagOfWordsSimilarities(sentences);
    await this.#embedder.init();
    const vectors = await this.#embedder.embed(sentences.map((sentence) => sentence.text));
    return vectors.map((left) => vectors.map((right) => Math.max(0, dot(left, right))));
  }
}

/** Greedy choice: best new-name coverage (ties by centrality), then centrality up to the target. */
function choose(
  sentences: readonly Sentence[],
  centrality: readonly number[],
  options: ExtractiveOptions,
): Sentence[] {
  const names = sentences.map((sentence) =>
    options.requiredNames.filter((name) => mentionsName(sentence.text, name)),
  );
  const uncovered = new Set(names.flat());
  const chosen = new Set<number>();
  while (uncovered.size > 0) {
    let best = -1;
    let bestScore = 0;
    names.forEach((list, index) => {
      const gain = list.filter((name) => uncovered.has(name)).length;
      const score = gain + 0.5 * (centrality[index] ?? 0);
      if (gain > 0 && !chosen.has(index) && score > bestScore) [best, bestScore] = [index, score];
    });
    if (best === -1) break;
    chosen.add(best);
    for (const name of names[best] ?? []) uncovered.delete(name);
  }
  const ranked = [...centrality.keys()].sort(
    (left, right) => (centrality[right] ?? 0) - (centrality[left] ?? 0),
  );
  for (const index of ranked) {
    if (chosen.size >= Math.min(options.targetSentences, sentences.length)) break;
    chosen.add(index);
  }
  return [...chosen]
    .sort((left, right) => left - right)
    .map((index) => sentences[index] as Sentence);
}

/** PageRank over a weighted similarity graph, scaled so the most central sentence scores 1. */
function textRank(similarity: readonly (readonly number[])[]): number[] {
  const size = similarity.length;
  const outWeight = similarity.map((row, index) =>
    row.reduce((sum, value, column) => sum + (column === index ? 0 : value), 0),
  );
  let rank = new Array<number>(size).fill(1 / Math.max(size, 1));
  for (let iteration = 0; iteration < ITERATIONS; iteration += 1) {
    rank = rank.map((_, target) => {
      let incoming = 0;
      for (let source = 0; source < size; source += 1) {
        const weight = source === target ? 0 : (similarity[source]?.[target] ?? 0);
        if (weight > 0) incoming += (weight / (outWeight[source] ?? 1)) * (rank[source] ?? 0);
      }
      return (1 - DAMPING) / size + DAMPING * incoming;
    });
  }
  const top = Math.max(...rank, Number.MIN_VALUE);
  return rank.map((value) => value / top);
}

function bagOfWordsSimilarities(sentences: readonly Sentence[]): number[][] {
  const bags = sentences.map((sentence) => words(sentence.text));
  const documentFrequency = new Map<string, number>();
  for (const bag of bags)
    for (const word of bag.keys())
      documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  const vectors = bags.map((bag) => {
    const weighted = new Map<string, number>();
    for (const [word, count] of bag) {
      weighted.set(
        word,
        count * Math.log(1 + sentences.length / (documentFrequency.get(word) ?? 1)),
      );
    }
    return unit(weighted);
  });
  return vectors.map((left) => vectors.map((right) => sparseDot(left, right)));
}

function words(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)) {
    const word = match[0];
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    bag.set(word, (bag.get(word) ?? 0) + 1);
  }
  return bag;
}

function unit(vector: Map<string, number>): Map<string, number> {
  const norm = Math.sqrt([...vector.values()].reduce((sum, value) => sum + value * value, 0));
  if (norm === 0) return vector;
  return new Map([...vector].map(([word, value]) => [word, value / norm]));
}

function sparseDot(left: ReadonlyMap<string, number>, right: ReadonlyMap<string, number>): number {
  const [small, large] = left.size <= right.size ? [left, right] : [right, left];
  let sum = 0;
  for (const [word, value] of small) sum += value * (large.get(word) ?? 0);
  return sum;
}

function dot(left: readonly number[], right: readonly number[]): number {
  let sum = 0;
  for (let index = 0; index < left.length; index += 1)
    sum += (left[index] ?? 0) * (right[index] ?? 0);
  return sum;
}
