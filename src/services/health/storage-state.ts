import type { Clock } from '../../ports/clock.js';
import type { CheckResult, ReadinessCheck } from '../../ports/readiness-check.js';

/**
 * Whether the database had room at the last write. A write that failed with `storage_full`
 * marks it full; `/ready` then reports `storage_full` and, each time it is asked, tries one small
 * write (`probe`) so it clears itself when space returns, even if no client writes meanwhile.
 * Writes are never held back: each one still tries, and the first to succeed clears it too.
 */
export class StorageState {
  readonly #clock: Clock;
  readonly #probe: () => Promise<void>;
  #fullSince: Date | undefined;

  constructor(deps: { clock: Clock; probe: () => Promise<void> }) {
    this.#clock = deps.clock;
    this.#probe = deps.probe;
  }

  /** A write failed for lack of space. */
  markFull(): void {
    this.#fullSince ??= this.#clock.now();
  }

  /** A write succeeded. */
  markWritable(): void {
    this.#fullSince = undefined;
  }

  /** The `/ready` entry `storage`: not ok while the last write found no space. */
  readinessCheck(): ReadinessCheck {
    return {
      name: 'storage',
      check: async (): Promise<CheckResult> => {
        const since = this.#fullSince;
        if (!since) return { ok: true };
        try {
          await this.#probe();
          this.markWritable();
          return { ok: true };
        } catch {
          return { ok: false, detail: { code: 'storage_full', since: since.toISOString() } };
        }
      },
    };
  }
}
