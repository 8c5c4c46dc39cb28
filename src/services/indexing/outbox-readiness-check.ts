import type { CheckResult, ReadinessCheck } from '../../ports/readiness-check.js';
import type { IndexSync } from './index-sync.js';

/** `/ready` entry `outbox`: how many vector-index writes wait for the reconciler (informational). */
export class OutboxReadinessCheck implements ReadinessCheck {
  readonly name = 'outbox';
  readonly #index: IndexSync;

  constructor(index: IndexSync) {
    this.#index = index;
  }

  async check(): Promise<CheckResult> {
    const pending = await this.#index.pending();
    return { ok: true, detail: { pending } };
  }
}
