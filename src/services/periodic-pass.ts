import type { Log } from '../ports/log.js';

/**
 * A background pass run now and then every interval: a call while a pass runs joins it (never two
 * at once in one process), a failed timed pass is logged and tried again at the next tick, and
 * `stop()` waits for the running pass.
 */
export class PeriodicPass<T> {
  readonly #pass: () => Promise<T>;
  readonly #onFailure: (error: unknown) => T;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<T> | undefined;

  /** `failed` names the pass in the warning logged when a timed pass fails, and its value then. */
  constructor(pass: () => Promise<T>, log: Log, failed: { message: string; value: T }) {
    this.#pass = pass;
    this.#onFailure = (error) => {
      log.warn({ err: error }, failed.message);
      return failed.value;
    };
  }

  /** One pass now (`pass` instead of the usual one, if given), or the one already running. */
  run(pass: () => Promise<T> = this.#pass): Promise<T> {
    this.#running ??= pass().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  /** A pass now and then every `intervalMs` until `stop()`. */
  start(intervalMs: number): void {
    const tick = () => void this.run().catch(this.#onFailure);
    tick();
    this.#timer = setInterval(tick, intervalMs);
    this.#timer.unref();
  }

  /** Stops the timer and waits for a running pass (whose failure is not rethrown). */
  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running?.catch(() => undefined);
  }
}
