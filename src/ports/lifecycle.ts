import type { ExpiryStore } from './expiry-store.js';
import type { ForgetStore } from './forget-store.js';
import type { GraphCorrections } from './graph-corrections.js';
import type { ScopeArchive } from './scope-archive.js';

/** The stores behind memory lifecycle features: graph corrections, forgetting, expiry, export. */
export interface LifecyclePorts {
  readonly corrections: GraphCorrections;
  readonly forgetting: ForgetStore;
  readonly expiry: ExpiryStore;
  readonly archive: ScopeArchive;
}
