import pino, { type Logger, type LoggerOptions } from 'pino';

export interface LogSettings {
  readonly level: string;
  /** Keep memory text in logs (only honoured at debug level). */
  readonly content: boolean;
}

const REDACTED_PATHS = [
  'content',
  'text',
  'query',
  'message',
  'details.content',
  'details.text',
  'details.query',
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  '*.apiKey',
  'apiKey',
];

/** pino options: JSON lines, ISO timestamps, memory text and keys redacted unless asked. */
export function loggerOptions(settings: LogSettings): LoggerOptions {
  const keepContent = settings.content && ['debug', 'trace'].includes(settings.level);
  return {
    level: settings.level,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: keepContent ? ['req.headers.authorization', '*.apiKey', 'apiKey'] : REDACTED_PATHS,
  };
}

/** A logger writing JSON lines to stderr (stdout stays free for CLI output). */
export function createLogger(settings: LogSettings): Logger {
  return pino(loggerOptions(settings), pino.destination(2));
}

export type { Logger };
