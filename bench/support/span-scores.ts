import type { LabeledSpan } from './conll.js';

/** Precision, recall and F1 of one type (or overall). */
export interface Score {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly gold: number;
  readonly predicted: number;
  readonly correct: number;
}

/** Counts exact span+type matches per type; `tally` accumulates over documents. */
export class SpanTally {
  readonly #counts = new Map<string, { gold: number; predicted: number; correct: number }>();

  /** Adds one document's gold and predicted spans. */
  add(gold: readonly LabeledSpan[], predicted: readonly LabeledSpan[]): void {
    const goldKeys = new Set(gold.map((span) => `${span.start}:${span.end}:${span.type}`));
    for (const span of gold) this.#count(span.type).gold += 1;
    for (const span of predicted) {
      const count = this.#count(span.type);
      count.predicted += 1;
      if (goldKeys.has(`${span.start}:${span.end}:${span.type}`)) count.correct += 1;
    }
  }

  /** Score over the given types together. */
  score(types: readonly string[]): Score {
    let gold = 0;
    let predicted = 0;
    let correct = 0;
    for (const type of types) {
      const count = this.#counts.get(type);
      gold += count?.gold ?? 0;
      predicted += count?.predicted ?? 0;
      correct += count?.correct ?? 0;
    }
    return toScore(gold, predicted, correct);
  }

  #count(type: string): { gold: number; predicted: number; correct: number } {
    let count = this.#counts.get(type);
    if (!count) {
      count = { gold: 0, predicted: 0, correct: 0 };
      this.#counts.set(type, count);
    }
    return count;
  }
}

/** Builds a score from counts (0 when a denominator is 0). */
export function toScore(gold: number, predicted: number, correct: number): Score {
  const precision = predicted === 0 ? 0 : correct / predicted;
  const recall = gold === 0 ? 0 : correct / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    precision: round(precision),
    recall: round(recall),
    f1: round(f1),
    gold,
    predicted,
    correct,
  };
}

/** Rounds to three decimals. */
export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
