import type { SpanTiming } from '../domain/span-timing.js';

/**
 * Per-span timings of one request, for profiling (opt-in, `TRACE_SPANS`). Spans recorded by any
 * code that runs inside `trace` (services, the SQL driver, the vector index) land in its result.
 */
export interface Tracer {
  /** True when spans are recorded; callers may skip building span names otherwise. */
  readonly enabled: boolean;
  /** Runs `work`, returning its value and the spans recorded while it ran (none when off). */
  trace<T>(work: () => Promise<T>): Promise<{ value: T; spans: SpanTiming[] }>;
  /** Runs `work` as the span `name` of the current trace, if any. */
  span<T>(name: string, work: () => Promise<T>): Promise<T>;
  /** Starts the span `name` of the current trace now; the returned function ends it. */
  start(name: string): () => void;
}

/** A tracer that records nothing. */
export const NO_TRACER: Tracer = {
  enabled: false,
  trace: async (work) => ({ value: await work(), spans: [] }),
  span: (_name, work) => work(),
  start: () => () => {},
};
