import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { RerankFeatures } from '../../src/domain/rerank-score.js';
import { FIRST_STAGE_TUNING, SearchService } from '../../src/services/search/search-service.js';
import type { SearchTuning } from '../../src/services/search/search-tuning.js';
import type { EngramStack } from './engram-stack.js';

/** Search-time samples in ms: mean and p95. */
export class Latency {
  readonly #samples: number[] = [];

  /** Runs `work`, recording its duration. */
  async time<T>(work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.#samples.push(performance.now() - started);
    }
  }

  get mean(): number {
    return this.#samples.reduce((sum, value) => sum + value, 0) / Math.max(1, this.#samples.length);
  }

  get p95(): number {
    const sorted = [...this.#samples].sort((left, right) => left - right);
    return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0;
  }
}

/** Candidates' reranker features, per question, for bench/lab/fit-rerank-weights.ts. */
export interface FeatureRow {
  readonly id: string;
  readonly features: RerankFeatures;
}

/**
 * The search services a retrieval benchmark compares on one stack: Engram's default (with
 * `--tuning JSON` merged in, for experiments) and the previous default (first stage only).
 * `--features FILE` records the reranker's candidate features of the default; `--variants FILE`
 * (JSON `{name: tuning}`) adds lab variants, reported in the log and the JSON only.
 */
export function searchVariants(stack: EngramStack, flags: Readonly<Record<string, string>>) {
  const tuning = flags['tuning'] ? (JSON.parse(flags['tuning']) as Partial<SearchTuning>) : {};
  const features: { query: string; rows: FeatureRow[] }[] = [];
  const build = (overrides: Partial<SearchTuning>, record: boolean) =>
    new SearchService({
      store: stack.store,
      vectors: stack.vectors,
      embedder: stack.embedder,
      wordVectors: stack.embedder,
      vocabulary: stack.services.vocabulary,
      extraction: stack.extraction,
      clock: { now: () => new Date() },
      defaultTopK: 10,
      defaultScoreThreshold: 0,
      tuning: overrides,
      ...(record
        ? { featureSink: (query, rows) => features.push({ query, rows: [...rows] }) }
        : {}),
    });
  const lab = flags['variants']
    ? (JSON.parse(readFileSync(flags['variants'], 'utf8')) as Record<string, Partial<SearchTuning>>)
    : {};
  return {
    lab: Object.entries(lab).map(([name, overrides]) => ({
      name,
      search: build(overrides, false),
    })),
    engram: build(tuning, flags['features'] !== undefined),
    previous: build(FIRST_STAGE_TUNING, false),
    tuning,
    /** The recorded features of the last search of `engram`. */
    lastFeatures: () => features.at(-1),
    /** Writes `rows` (question → candidates with labels) when `--features FILE` was given. */
    saveFeatures: async (rows: unknown) => {
      if (flags['features']) await writeFile(flags['features'], `${JSON.stringify(rows)}\n`);
    },
  };
}
