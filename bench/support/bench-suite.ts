/** Arguments every benchmark suite receives from `engram bench SUITE`. */
export interface BenchArgs {
  /** Path to the shared data folder (default `../shared/data`), or a suite-specific file. */
  readonly data: string | undefined;
  /** Free-form `--key value` flags after the suite name. */
  readonly flags: Readonly<Record<string, string>>;
  /** Progress lines (stderr). */
  log(line: string): void;
}

/** What a suite returns: its JSON result and a markdown section for BENCHMARKS.md. */
export interface BenchOutcome {
  /** The JSON written to `--json FILE`; must contain `suite`. */
  readonly result: Readonly<Record<string, unknown>> & { readonly suite: string };
  /** Markdown (a short table and notes) replacing this suite's section of BENCHMARKS.md. */
  readonly markdown: string;
  /** True when the data was missing and the suite skipped. */
  readonly skipped?: boolean;
}

/** A benchmark suite module exports `run` as its default. */
export type BenchSuite = (args: BenchArgs) => Promise<BenchOutcome>;
