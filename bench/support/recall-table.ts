/** Accumulates recall@k by group (e.g. LoCoMo category) and prints tables. */
export class RecallTable {
  readonly #sums = new Map<string, Map<number, { total: number; count: number }>>();

  constructor(readonly ks: readonly number[]) {}

  /** Adds one question's recall at each k to a group. */
  add(group: string, recallByK: ReadonlyMap<number, number>): void {
    const byK = this.#sums.get(group) ?? new Map<number, { total: number; count: number }>();
    for (const [k, recall] of recallByK) {
      const cell = byK.get(k) ?? { total: 0, count: 0 };
      cell.total += recall;
      cell.count += 1;
      byK.set(k, cell);
    }
    this.#sums.set(group, byK);
  }

  /** Mean recall of a group at k (NaN when empty). */
  mean(group: string, k: number): number {
    const cell = this.#sums.get(group)?.get(k);
    return cell ? cell.total / cell.count : Number.NaN;
  }

  /** `{ "5": { group: mean, … }, … }` rounded to 3 decimals. */
  toJson(groups: readonly string[]): Record<string, Record<string, number>> {
    return Object.fromEntries(
      this.ks.map((k) => [
        String(k),
        Object.fromEntries(groups.map((group) => [group, round(this.mean(group, k))])),
      ]),
    );
  }
}

/** Rounds to 3 decimals. */
export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
