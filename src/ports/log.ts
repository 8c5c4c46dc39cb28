/** The slice of a structured logger that services use (pino satisfies it). */
export interface Log {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** A log that discards everything. */
export const SILENT_LOG: Log = { info: () => {}, warn: () => {}, error: () => {} };
