import type { GraphCorrections } from './graph-corrections.js';

/** The stores behind memory lifecycle features: graph corrections, forgetting, expiry, export. */
export interface LifecyclePorts {
  readonly corrections: GraphCorrections;
}
