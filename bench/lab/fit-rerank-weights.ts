/**
 * Fits the reranker's feature weights on dev data only, by pairwise logistic regression (each
 * evidence candidate should outscore each other candidate of its question), with leave-one-
 * conversation-out cross-validation. Prints in-sample and cross-validated recall@10 of the
 * reranked candidates beside the current default weights.
 *
 *   ENGRAM_DEV=1 node bin/engram.mjs bench locomo --features /tmp/locomo-features.json
 *   npx tsx bench/lab/fit-rerank-weights.ts /tmp/locomo-features.json
 */
import { readFileSync } from 'node:fs';
import {
  RERANK_FEATURES,
  type RerankFeatures,
  type RerankWeights,
  rerankScore,
} from '../../src/domain/rerank-score.js';
import { DEFAULT_TUNING } from '../../src/services/search/search-tuning.js';

interface Question {
  readonly conversation: string;
  readonly category: number;
  readonly evidenceCount: number;
  readonly evidence: readonly boolean[];
  readonly features: readonly RerankFeatures[];
}

const K = 10;
const print = (line: string) => process.stdout.write(`${line}\n`);

/** Share of a question's evidence among its top K candidates under the weights. */
function recallAt(question: Question, weights: RerankWeights): number {
  const order = question.features
    .map((features, index) => ({ index, score: rerankScore(features, weights) }))
    .sort((left, right) => right.score - left.score)
    .slice(0, K);
  const found = order.filter(({ index }) => question.evidence[index]).length;
  return found / Math.max(1, question.evidenceCount);
}

function meanRecall(questions: readonly Question[], weights: RerankWeights): number {
  return (
    questions.reduce((sum, question) => sum + recallAt(question, weights), 0) /
    Math.max(1, questions.length)
  );
}

/** Pairwise logistic regression by gradient descent, L2-regularised; weights kept ≥ 0 for the first-stage score. */
function fit(questions: readonly Question[]): RerankWeights {
  const dims = RERANK_FEATURES.length;
  const w = new Array<number>(dims).fill(0);
  w[0] = 1;
  const pairs: Array<[number[], number[]]> = [];
  for (const question of questions) {
    const vectors = question.features.map((features) =>
      RERANK_FEATURES.map((name) => features[name]),
    );
    const good = vectors.filter((_, index) => question.evidence[index]);
    // The hardest negatives: the 30 best first-stage candidates that are not evidence.
    const bad = vectors.filter((_, index) => !question.evidence[index]).slice(0, 30);
    for (const positive of good) for (const negative of bad) pairs.push([positive, negative]);
  }
  const rate = 0.5;
  const lambda = 1e-3;
  for (let epoch = 0; epoch < 300; epoch += 1) {
    const gradient = new Array<number>(dims).fill(0);
    for (const [positive, negative] of pairs) {
      let margin = 0;
      for (let k = 0; k < dims; k += 1)
        margin += (w[k] ?? 0) * ((positive[k] ?? 0) - (negative[k] ?? 0));
      const g = 1 / (1 + Math.exp(margin));
      for (let k = 0; k < dims; k += 1)
        gradient[k] = (gradient[k] ?? 0) + g * ((positive[k] ?? 0) - (negative[k] ?? 0));
    }
    for (let k = 0; k < dims; k += 1)
      w[k] =
        (w[k] ?? 0) +
        rate * ((gradient[k] ?? 0) / Math.max(1, pairs.length) - lambda * (w[k] ?? 0));
  }
  const scale = Math.abs(w[0] ?? 1) || 1;
  return Object.fromEntries(
    RERANK_FEATURES.map((name, k) => [name, round((w[k] ?? 0) / scale)]),
  ) as RerankWeights;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

const file = process.argv[2];
if (!file)
  throw new Error('usage: fit-rerank-weights.ts FEATURES.json [categories, default 1,2,3,4]');
const categories = new Set((process.argv[3] ?? '1,2,3,4').split(',').map(Number));
const questions = (JSON.parse(readFileSync(file, 'utf8')) as Question[]).filter((question) =>
  categories.has(question.category),
);
const conversations = [...new Set(questions.map((question) => question.conversation))].sort();
const firstOnly = Object.fromEntries(
  RERANK_FEATURES.map((name) => [name, name === 'first' ? 1 : 0]),
) as RerankWeights;
const all = fit(questions);
let crossValidated = 0;
for (const held of conversations) {
  const weights = fit(questions.filter((question) => question.conversation !== held));
  const test = questions.filter((question) => question.conversation === held);
  crossValidated += meanRecall(test, weights) * test.length;
  print(`fold ${held}: ${JSON.stringify(weights)} R@${K} ${meanRecall(test, weights).toFixed(3)}`);
}
const ceiling =
  questions.reduce(
    (sum, question) =>
      sum + question.evidence.filter(Boolean).length / Math.max(1, question.evidenceCount),
    0,
  ) / questions.length;
print(`evidence among the reranked candidates (ceiling): ${ceiling.toFixed(3)}`);
print(`first stage only      R@${K} ${meanRecall(questions, firstOnly).toFixed(3)}`);
print(
  `default weights       R@${K} ${meanRecall(questions, DEFAULT_TUNING.rerankWeights).toFixed(3)} ${JSON.stringify(DEFAULT_TUNING.rerankWeights)}`,
);
print(
  `fitted, in-sample     R@${K} ${meanRecall(questions, all).toFixed(3)} ${JSON.stringify(all)}`,
);
print(
  `fitted, cross-valid.  R@${K} ${(crossValidated / questions.length).toFixed(3)} (leave one conversation out)`,
);
