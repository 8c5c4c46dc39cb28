import type { Clock } from '../../ports/clock.js';
import type { ExpiryStore } from '../../ports/expiry-store.js';
import { type Lock, PROCESS_LOCAL_LOCK } from '../../ports/lock.js';
import { type Log, SILENT_LOG } from '../../ports/log.js';
import type { CheckResult, ReadinessCheck } from '../../ports/readiness-check.js';
import type { IndexSync } from '../indexing/index-sync.js';

export interface ExpirySweeperDeps {
  readonly expiry: ExpiryStore;
  readonly index: IndexSync;
  readonly clock: Clock;
  readonly log?: Log;
  /** Shared by replicas on one server: one sweeps at a time (rows are also taken SKIP LOCKED). */
  readonly lock?: Lock;
  /** Memories per transaction (default 500). */
  readonly batchSize?: number;
}

/** Totals of one sweep. */
export interface SweepReport {
  readonly memories: number;
  readonly relationships: number;
  readonly entities: number;
}

/** Name of the lock a sweep holds. */
export const EXPIRY_LOCK = 'expiry-sweep';

/**
 * Deletes expired memories (search stops returning them at once; this removes the rows, vectors
 * and orphaned graph), batch by batch, safe to run on several replicas at once.
 */
export class ExpirySweeper {
  readonly #deps: ExpirySweeperDeps;
  readonly #log: Log;

  constructor(deps: ExpirySweeperDeps) {
    this.#deps = deps;
    this.#log = deps.log ?? SILENT_LOG;
  }

  /** Sweeps everything expired by now; another replica's running sweep makes this one a no-op. */
  async sweep(): Promise<SweepReport> {
    const lock = this.#deps.lock ?? PROCESS_LOCAL_LOCK;
    const outcome = await lock.tryWith(EXPIRY_LOCK, () => this.#sweepAll());
    return outcome.acquired ? outcome.value : { memories: 0, relationships: 0, entities: 0 };
  }

  /** Expired memories waiting for the sweep. */
  async backlog(): Promise<number> {
    return this.#deps.expiry.backlog(this.#deps.clock.now());
  }

  /** `/ready` entry `expiry`: the sweep backlog (informational). */
  readinessCheck(): ReadinessCheck {
    return {
      name: 'expiry',
      check: async (): Promise<CheckResult> => ({
        ok: true,
        detail: { backlog: await this.backlog() },
      }),
    };
  }

  async #sweepAll(): Promise<SweepReport> {
    const total = { memories: 0, relationships: 0, entities: 0 };
    const at = this.#deps.clock.now();
    for (;;) {
      const batch = await this.#deps.expiry.sweep(at, this.#deps.batchSize ?? 500);
      if (batch.memories === 0) break;
      await this.#deps.index.processNow(batch.outbox, []);
      total.memories += batch.memories;
      total.relationships += batch.relationships;
      total.entities += batch.entities;
    }
    if (total.memories > 0) this.#log.info(total, 'expired memories swept');
    return total;
  }
}
