/** Progress on stderr: a redrawn bar with rate and ETA on a terminal, a plain line every few seconds otherwise. */
export class ProgressBar {
  readonly #label: string;
  readonly #stream: NodeJS.WritableStream & { isTTY?: boolean };
  readonly #started = Date.now();
  #lastPrint = 0;

  constructor(label: string, stream: NodeJS.WritableStream) {
    this.#label = label;
    this.#stream = stream;
  }

  /** Reports `done` of `total` items; prints at most ~10 times a second on a TTY, every 5 s otherwise. */
  update(done: number, total: number): void {
    const now = Date.now();
    const tty = Boolean(this.#stream.isTTY);
    if (done < total && now - this.#lastPrint < (tty ? 100 : 5000)) return;
    this.#lastPrint = now;
    const line = this.#line(done, total, now);
    this.#stream.write(tty ? `\r${line}\u001b[K` : `${line}\n`);
  }

  /** Ends the bar's line. */
  finish(done: number, total: number): void {
    this.#lastPrint = 0;
    this.update(done, Math.max(done, total));
    if (this.#stream.isTTY) this.#stream.write('\n');
  }

  #line(done: number, total: number, now: number): string {
    const seconds = Math.max(0.001, (now - this.#started) / 1000);
    const rate = done / seconds;
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    const width = 24;
    const filled = Math.round(fraction * width);
    const eta = rate > 0 && total > done ? `${Math.ceil((total - done) / rate)}s` : '0s';
    return `${this.#label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${(fraction * 100).toFixed(0)}% ${rate.toFixed(0)}/s ETA ${eta}`;
  }
}
