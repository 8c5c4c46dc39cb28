import type { CheckResult, ReadinessCheck } from '../../ports/readiness-check.js';

/** What the check needs from the index (ChromaVectorIndex provides both). */
export interface ChromaProbe {
  /** Throws when Chroma does not answer its heartbeat. */
  heartbeat(): Promise<void>;
  /** Number of vectors stored. */
  count(): Promise<number>;
}

export interface ChromaReadinessCheckOptions {
  /** A managed Chroma: while it is restarting the check fails without asking the server. */
  readonly managed?: { readonly healthy: boolean };
}

/** `/ready` entry `vector_index`: Chroma answers its heartbeat; detail is the vector count. */
export class ChromaReadinessCheck implements ReadinessCheck {
  readonly name = 'vector_index';
  readonly #probe: ChromaProbe;
  readonly #options: ChromaReadinessCheckOptions;

  constructor(probe: ChromaProbe, options: ChromaReadinessCheckOptions = {}) {
    this.#probe = probe;
    this.#options = options;
  }

  async check(): Promise<CheckResult> {
    if (this.#options.managed && !this.#options.managed.healthy) {
      return { ok: false, detail: 'chroma is not running (restarting)' };
    }
    try {
      await this.#probe.heartbeat();
      return { ok: true, detail: { vectors: await this.#probe.count() } };
    } catch (error) {
      return { ok: false, detail: error instanceof Error ? error.message : String(error) };
    }
  }
}
