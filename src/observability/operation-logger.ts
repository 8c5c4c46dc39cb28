import type { Logger } from 'pino';
import type { LogSettings } from './logger.js';

/** One finished memory operation, as the spec's `MemoryLogger.log_operation` records it. */
export interface OperationRecord {
  /** Stable operation name, e.g. `add`, `search`, `update`, `delete`. */
  readonly operation: string;
  readonly durationMs: number;
  readonly details?: Readonly<Record<string, unknown>>;
  readonly requestId?: string;
  /** Set when the operation failed: an error code or name, never a message with content. */
  readonly error?: string;
}

/** Clocks of an {@link OperationLogger}; injectable so tests are deterministic. */
export interface OperationClock {
  /** Wall-clock time for the `timestamp` field. */
  now(): Date;
  /** A monotonic reading in milliseconds, for durations. */
  monotonicMs(): number;
}

const REDACTED = '[Redacted]';
const MAX_DEPTH = 6;
/** Fields that carry memory text: kept only with LOG_LEVEL=debug and LOG_CONTENT=true. */
const CONTENT_FIELDS = new Set([
  'content',
  'text',
  'query',
  'message',
  'messages',
  'memory',
  'summary',
  'sentence',
  'mention',
  'old_content',
  'new_content',
  'oldContent',
  'newContent',
]);
/** Fields that carry credentials: always redacted. */
const SECRET_FIELDS = new Set(['apiKey', 'api_key', 'authorization', 'password', 'token']);

const systemClock: OperationClock = {
  now: () => new Date(),
  monotonicMs: () => performance.now(),
};

/**
 * Logs one JSON line per memory operation with the spec's fields — `timestamp`, `operation`,
 * `duration` (ms), `details` — plus `request_id`; memory text in `details` is redacted unless
 * the level is debug/trace and content logging is on, credentials always.
 */
export class OperationLogger {
  readonly #logger: Logger;
  readonly #keepContent: boolean;
  readonly #clock: OperationClock;

  constructor(logger: Logger, settings: LogSettings, clock: OperationClock = systemClock) {
    this.#logger = logger;
    this.#keepContent = settings.content && ['debug', 'trace'].includes(settings.level);
    this.#clock = clock;
  }

  /** Writes the log line of one finished operation (info, or warn when it failed). */
  log(record: OperationRecord): void {
    const entry = {
      timestamp: this.#clock.now().toISOString(),
      operation: record.operation,
      duration: Math.round(record.durationMs * 1000) / 1000,
      details: this.#redact(record.details ?? {}, 0),
      ...(record.requestId === undefined ? {} : { request_id: record.requestId }),
      ...(record.error === undefined ? {} : { error: record.error }),
    };
    if (record.error === undefined) this.#logger.info(entry, 'memory operation');
    else this.#logger.warn(entry, 'memory operation failed');
  }

  /** Runs `work` and logs it with its duration; a failure is logged, then rethrown. */
  async time<T>(
    operation: string,
    work: () => Promise<T>,
    context: { details?: Readonly<Record<string, unknown>>; requestId?: string } = {},
  ): Promise<T> {
    const started = this.#clock.monotonicMs();
    const finish = (error?: string) =>
      this.log({
        operation,
        durationMs: this.#clock.monotonicMs() - started,
        ...context,
        ...(error === undefined ? {} : { error }),
      });
    try {
      const result = await work();
      finish();
      return result;
    } catch (error) {
      finish(errorLabel(error));
      throw error;
    }
  }

  #redact(value: unknown, depth: number): unknown {
    if (Array.isArray(value)) return value.map((item) => this.#redact(item, depth + 1));
    if (!value || typeof value !== 'object' || value instanceof Date) return value;
    if (depth >= MAX_DEPTH) return REDACTED;
    const result: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) {
      const hidden = SECRET_FIELDS.has(key) || (!this.#keepContent && CONTENT_FIELDS.has(key));
      result[key] = hidden ? REDACTED : this.#redact(field, depth + 1);
    }
    return result;
  }
}

function errorLabel(error: unknown): string {
  if (error && typeof error === 'object') {
    const { code, name } = error as { code?: unknown; name?: unknown };
    if (typeof code === 'string') return code;
    if (typeof name === 'string') return name;
  }
  return 'error';
}
