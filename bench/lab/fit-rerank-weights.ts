/**
 * Fits the reranker's feature weights on dev data only, by coordinate ascent on recall@10 of the
 * reranked candidates, with leave-one-conversation-out cross-validation. Prints in-sample and cross-validated recall@10 of the
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
  readonly category: number | string;
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

const GRID = [0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3];

/**
 * Coordinate ascent on mean recall@K itself: the first-stage weight stays 1 (the score is a
 * weighted mean, so only ratios matter) and each other weight in turn takes the grid value that
 * ranks the training questions best, for three rounds.
 */
function fit(questions: readonly Question[]): RerankWeights {
  const weights: Record<string, number> = Object.fromEntries(
    RERANK_FEATURES.map((name) => [name, name === 'first' ? 1 : 0]),
  );
  for (let round = 0; round < 3; round += 1) {
    for (const name of RERANK_FEATURES) {
      if (name === 'first') continue;
      let best = { value: weights[name] ?? 0, recall: -1 };
      for (const value of GRID) {
        const recall = meanRecall(questions, { ...weights, [name]: value } as RerankWeights);
        if (recall > best.recall + 1e-9) best = { value, recall };
      }
      weights[name] = best.value;
    }
  }
  return weights as RerankWeights;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

const file = process.argv[2];
if (!file)
  throw new Error('usage: fit-rerank-weights.ts FEATURES.json [categories, default 1,2,3,4]');
const categories = new Set((process.argv[3] ?? '1,2,3,4').split(','));
const questions = (JSON.parse(readFileSync(file, 'utf8')) as Question[]).filter(
  (question) => categories.has('all') || categories.has(String(question.category)),
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
