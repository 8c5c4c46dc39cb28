import { type Log, SILENT_LOG } from '../../ports/log.js';
import type { ExpirySweeper } from '../expiry/expiry-sweeper.js';
import type { ScopeForgetting } from '../forget/scope-forgetting.js';

/** The background work of the lifecycle: finish interrupted forget jobs, sweep expired memories. */
export class LifecycleSweeps {
  readonly #forgetting: ScopeForgetting;
  readonly #expiry: ExpirySweeper;
  readonly #log: Log;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;

  constructor(forgetting: ScopeForgetting, expiry: ExpirySweeper, log: Log = SILENT_LOG) {
    this.#forgetting = forgetting;
    this.#expiry = expiry;
    this.#log = log;
  }

  /** One pass: resume forget jobs, then sweep; a failure is logged and retried next pass. */
  async runOnce(): Promise<void> {
    this.#running ??= this.#pass().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  /** Runs a pass now and then every `intervalMs` until `stop()`. */
  start(intervalMs: number): void {
    const tick = () => void this.runOnce();
    tick();
    this.#timer = setInterval(tick, intervalMs);
    this.#timer.unref();
  }

  /** Stops the timer and waits for a running pass. */
  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
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
