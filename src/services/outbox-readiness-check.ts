import type { CheckResult, ReadinessCheck } from '../ports/readiness-check.js';
import type { IndexSync } from './index-sync.js';

/** `/ready` entry `outbox`: how many vector-index writes wait for the reconciler (informational). */
export class OutboxReadinessCheck implements ReadinessCheck {
  readonly name = 'outbox';
  readonly #index: IndexSync;
  readonly #onPending: ((pending: number) => void) | undefined;

  constructor(index: IndexSync, onPending?: (pending: number) => void) {
    this.#index = index;
    this.#onPending = onPending;
  }

  async check(): Promise<CheckResult> {
    const pending = await this.#index.pending();
    this.#onPending?.(pending);
    return { ok: true, detail: { pending } };
  }
}
