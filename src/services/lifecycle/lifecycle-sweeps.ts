import { type Log, SILENT_LOG } from '../../ports/log.js';
import type { ExpirySweeper } from '../expiry/expiry-sweeper.js';
import type { ScopeForgetting } from '../forget/scope-forgetting.js';
import { PeriodicPass } from '../periodic-pass.js';

/** The background work of the lifecycle: finish interrupted forget jobs, sweep expired memories. */
export class LifecycleSweeps {
  readonly #forgetting: ScopeForgetting;
  readonly #expiry: ExpirySweeper;
  readonly #log: Log;
  readonly #periodic: PeriodicPass<void>;

  constructor(forgetting: ScopeForgetting, expiry: ExpirySweeper, log: Log = SILENT_LOG) {
    this.#forgetting = forgetting;
    this.#expiry = expiry;
    this.#log = log;
    this.#periodic = new PeriodicPass(() => this.#pass(), log, {
      message: 'lifecycle sweep failed',
      value: undefined,
    });
  }

  /** One pass: resume forget jobs, then sweep; a failure is logged and retried next pass. */
  runOnce(): Promise<void> {
    return this.#periodic.run();
  }

  /** Runs a pass now and then every `intervalMs` until `stop()`. */
  start(intervalMs: number): void {
    this.#periodic.start(intervalMs);
  }

  /** Stops the timer and waits for a running pass. */
  stop(): Promise<void> {
    return this.#periodic.stop();
  }

  async #pass(): Promise<void> {
    try {
      await this.#forgetting.resume();
      await this.#expiry.sweep();
    } catch (error) {
      this.#log.warn({ err: error }, 'lifecycle sweep failed');
    }
  }
}
