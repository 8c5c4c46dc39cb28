/** Durations the services report (seconds). */
export type TimedStep = 'entity_extraction' | 'memory_retrieval' | 'embedding';

/** Where services report what they did; the container backs it with Prometheus metrics. */
export interface Telemetry {
  /** Records how long one step took. */
  observe(step: TimedStep, seconds: number): void;
  /** Counts one memory operation (`add`, `search`, `update`, `delete`, …). */
  countOperation(operation: string): void;
}

/** Telemetry that records nothing (tests, CLI tools). */
export const NO_TELEMETRY: Telemetry = { observe: () => {}, countOperation: () => {} };
