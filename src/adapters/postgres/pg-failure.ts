import { AppError, UpstreamUnavailableError } from '../../domain/errors.js';

// Socket errors: the server is down, unreachable or went away mid-conversation.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// SQLSTATE: admin_shutdown (pg_terminate_backend, a fast stop), crash_shutdown, cannot_connect_now.
const SHUTDOWN_STATES = new Set(['57P01', '57P02', '57P03']);
// node-postgres and PGlite report a lost or closed connection with a plain Error.
const LOST_CONNECTION_MESSAGES = [
  /^Connection terminated/,
  /not queryable/,
  /^Cannot use a pool after calling end on the pool/,
  /^PGlite is clos(ed|ing)/,
];

/**
 * The one place where database driver failures become service errors: a lost, refused or closed
 * connection (anywhere in the `cause` chain, e.g. inside drizzle's DrizzleQueryError) becomes
 * `upstream_unavailable`, keeping the original as `cause`. Anything else (a constraint, a bug)
 * is returned unchanged for the caller to handle or report.
 */
export function pgFailure(error: unknown, action: string): unknown {
  if (error instanceof AppError) return error;
  const lost = lostConnection(error, 0);
  if (lost === undefined) return error;
  return new UpstreamUnavailableError(`database ${action} failed (${lost})`, { cause: error });
}

/** A short description of the lost connection in `error` or its causes, if there is one. */
function lostConnection(error: unknown, depth: number): string | undefined {
  if (!(error instanceof Error) || depth > 8) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code) || SHUTDOWN_STATES.has(code) || code.startsWith('08'))
      return `${code}: ${error.message || error.name}`;
  }
  if (LOST_CONNECTION_MESSAGES.some((pattern) => pattern.test(error.message))) return error.message;
  const nested = error instanceof AggregateError ? [...error.errors, error.cause] : [error.cause];
  for (const inner of nested) {
    const found = lostConnection(inner, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
