import { InvalidInputError } from '../../domain/errors.js';
import type { ForgetKind } from '../../domain/forget-subject.js';
import type { Clock } from '../../ports/clock.js';
import type { ForgetJob, ForgetStore } from '../../ports/forget-store.js';
import { type Lock, PROCESS_LOCAL_LOCK } from '../../ports/lock.js';
import { type Log, SILENT_LOG } from '../../ports/log.js';
import type { CheckResult, ReadinessCheck } from '../../ports/readiness-check.js';
import { NO_TELEMETRY, type Telemetry } from '../../ports/telemetry.js';
import type { IndexSync } from '../indexing/index-sync.js';

export type { ForgetJob };

export interface ScopeForgettingDeps {
  readonly jobs: ForgetStore;
  readonly index: IndexSync;
  readonly clock: Clock;
  readonly log?: Log;
  readonly telemetry?: Telemetry;
  /** Shared by replicas: one resumes unfinished jobs at a time. */
  readonly lock?: Lock;
  /** Top-level memories deleted per transaction (default 500). */
  readonly batchSize?: number;
}

/**
 * Forgets every memory, vector, mention, entity, relationship and history row of one user or
 * agent. A job row makes it resumable: batches of memory rows (each one transaction that also
 * queues the vector deletes in the outbox), then the graph and history in one transaction, then
 * the queued vector deletes; what a crash leaves unfinished is picked up by `resume`.
 */
export class ScopeForgetting {
  readonly #deps: ScopeForgettingDeps;
  readonly #log: Log;
  readonly #telemetry: Telemetry;

  constructor(deps: ScopeForgettingDeps) {
    this.#deps = deps;
    this.#log = deps.log ?? SILENT_LOG;
    this.#telemetry = deps.telemetry ?? NO_TELEMETRY;
  }

  /** Forgets a scope now (or finishes its unfinished job); `vectors` when some vector deletes are still queued. */
  async forget(tenant: string, kind: ForgetKind, subject: string): Promise<ForgetJob> {
    if (subject === '') throw new InvalidInputError(`${kind} id must not be empty`);
    const job = await this.#deps.jobs.start(tenant, kind, subject, this.#deps.clock.now());
    return this.#run(job);
  }

  /** Finishes every job a crash or a failure left unfinished; returns how many finished. */
  async resume(): Promise<number> {
    const lock = this.#deps.lock ?? PROCESS_LOCAL_LOCK;
    const outcome = await lock.tryWith('forget-resume', () => this.#resumeAll());
    return outcome.acquired ? outcome.value : 0;
  }

  async #resumeAll(): Promise<number> {
    let finished = 0;
    for (const job of await this.#deps.jobs.unfinished()) {
      try {
        if ((await this.#run(job)).status === 'done') finished += 1;
      } catch (error) {
        this.#log.warn({ err: error, job: job.id }, 'forget job resume failed');
      }
    }
    return finished;
  }

  /** Unfinished jobs (for /metrics and /ready). */
  async unfinished(): Promise<number> {
    return this.#deps.jobs.unfinishedCount();
  }

  /** `/ready` entry `forget`: unfinished forget jobs (informational; the sweeps finish them). */
  readinessCheck(): ReadinessCheck {
    return {
      name: 'forget',
      check: async (): Promise<CheckResult> => ({
        ok: true,
        detail: { unfinished: await this.unfinished() },
      }),
    };
  }

  async #run(started: ForgetJob): Promise<ForgetJob> {
    const { jobs, index } = this.#deps;
    let job = started;
    try {
      if (job.status === 'running') {
        for (;;) {
          const batch = await jobs.deleteBatch(job, this.#deps.batchSize ?? 500);
          if (batch.memories === 0) break;
          await index.processNow(batch.outbox, []);
        }
        job = await jobs.deleteGraphAndHistory(job);
      }
      if (job.status === 'vectors' && job.subject !== null) {
        if ((await jobs.pendingVectors(job)) > 0) await index.drain();
        if ((await jobs.pendingVectors(job)) > 0) return job;
        job = await jobs.finish(job, this.#deps.clock.now());
        this.#telemetry.countOperation(`forget_${job.kind}`);
        this.#log.info({ job: job.id, kind: job.kind, counts: job.counts }, 'scope forgotten');
      }
      return job;
    } catch (error) {
      await jobs.fail(job, (error as Error).message).catch(() => {});
      throw error;
    }
  }
}
