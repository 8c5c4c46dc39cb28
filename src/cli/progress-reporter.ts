/** Where a long job stands; `detail` (e.g. the collection) is shown after the counts. */
export interface Progress {
  readonly processed: number;
  readonly total: number;
  readonly detail?: string;
}

const TTY_EVERY_MS = 100;
const PLAIN_EVERY_MS = 5000;
const BAR_WIDTH = 24;

/** Renders progress on stderr: a bar with rate and ETA on a terminal, else plain periodic lines. */
export function progressReporter(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  label: string,
  unit = 'records',
): { update(progress: Progress): void; finish(): void } {
  const tty = stream.isTTY === true;
  const started = Date.now();
  let lastAt = 0;
  let lastTenth = 0;
  let last: Progress | undefined;
  const render = (progress: Progress) => {
    const line = describe(label, unit, progress, (Date.now() - started) / 1000, tty);
    stream.write(tty ? `\r${line}\x1b[K` : `${line}\n`);
  };
  return {
    update(progress) {
      last = progress;
      const now = Date.now();
      const tenth = progress.total > 0 ? Math.floor((progress.processed * 10) / progress.total) : 0;
      const due = now - lastAt >= (tty ? TTY_EVERY_MS : PLAIN_EVERY_MS);
      if (due || (!tty && tenth > lastTenth) || progress.processed === progress.total) {
        lastAt = now;
        lastTenth = tenth;
        render(progress);
      }
    },
    finish() {
      if (last && tty) stream.write('\n');
    },
  };
}

function describe(
  label: string,
  unit: string,
  progress: Progress,
  seconds: number,
  tty: boolean,
): string {
  const { processed, total } = progress;
  const fraction = total > 0 ? Math.min(1, processed / total) : 1;
  const rate = seconds > 0 ? processed / seconds : 0;
  const eta = rate > 0 ? (total - processed) / rate : Number.NaN;
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  const filled = Math.round(fraction * BAR_WIDTH);
  const bar = tty ? `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ` : '';
  const detail = progress.detail ? ` (${progress.detail})` : '';
  return `${label}: ${bar}${percent} ${processed}/${total}${detail} ${rate.toFixed(1)} ${unit}/s ETA ${clock(eta)}`;
}

function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const whole = Math.round(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
