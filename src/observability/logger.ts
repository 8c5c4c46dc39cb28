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
    serializers: keepContent ? {} : { err: contentFreeError },
  };
}

// Drizzle's DrizzleQueryError reads "Failed query: <sql>\nparams: <values>": the values are
// memory text, search queries and entity names. Cut them up to the first stack frame.
const QUERY_PARAMS = /\nparams: [\s\S]*?(?=\n {4}at |$)/g;

/** pino's error serializer without SQL parameters anywhere in the error or its causes. */
export function contentFreeError(error: Error): Record<string, unknown> {
  return withoutParams(pino.stdSerializers.err(error), 0) as Record<string, unknown>;
}

function withoutParams(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return value.replace(QUERY_PARAMS, '\nparams: [redacted]');
  if (!value || typeof value !== 'object' || depth > 8) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) copy[key] = withoutParams(child, depth + 1);
  return copy;
}

/** A logger writing JSON lines to stderr (stdout stays free for CLI output). */
export function createLogger(settings: LogSettings): Logger {
  return pino(loggerOptions(settings), pino.destination(2));
}

export type { Logger };
