import { round } from './recall-table.js';

/** How much evidence and how much noise a score threshold would cut from search results. */
export class ThresholdStudy {
  readonly #thresholds: readonly number[];
  readonly #kept = new Map<number, { relevant: number; other: number }>();
  #relevant = 0;
  #other = 0;

  constructor(thresholds: readonly number[]) {
    this.#thresholds = thresholds;
  }

  /** Adds one query's results (score, and whether it is evidence). */
  add(results: readonly { score: number; relevant: boolean }[], _evidence: number): void {
    for (const result of results) {
      if (result.relevant) this.#relevant += 1;
      else this.#other += 1;
      for (const threshold of this.#thresholds) {
        if (result.score < threshold) continue;
        const cell = this.#kept.get(threshold) ?? { relevant: 0, other: 0 };
        if (result.relevant) cell.relevant += 1;
        else cell.other += 1;
        this.#kept.set(threshold, cell);
      }
    }
  }

  toJson(): Record<string, { evidence_kept: number; other_kept: number }> {
    return Object.fromEntries(
      this.#thresholds.map((threshold) => {
        const cell = this.#kept.get(threshold) ?? { relevant: 0, other: 0 };
        return [
          String(threshold),
          {
            evidence_kept: round(cell.relevant / Math.max(1, this.#relevant)),
            other_kept: round(cell.other / Math.max(1, this.#other)),
          },
        ];
      }),
    );
  }

  toMarkdown(): string {
    const rows = Object.entries(this.toJson()).map(
      ([threshold, cell]) =>
        `| ${threshold} | ${cell.evidence_kept.toFixed(3)} | ${cell.other_kept.toFixed(3)} |`,
    );
    return [
      'SCORE_THRESHOLD study (top-20 results, categories 1–4): share of evidence and of other results kept.',
      '',
      '| threshold | evidence kept | other kept |',
      '|---|---|---|',
      ...rows,
    ].join('\n');
  }
}
