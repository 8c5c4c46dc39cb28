import {
  AppError,
  InvalidInputError,
  StorageFullError,
  UpstreamUnavailableError,
} from '../../domain/errors.js';

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

// SQLSTATE: serialization_failure and deadlock_detected; the transaction may simply be re-run.
const RETRYABLE_STATES = new Set(['40001', '40P01']);
// SQLSTATE classes 22 (data exception) and 54 (program limit: too deep, too complex, too long).
const REJECTED_VALUE_CLASSES = ['22', '54'];
const NO_SPACE_MESSAGE = /No space left on device|ENOSPC/;

/** A transaction lost a serialization or deadlock race; PgStore re-runs it a few times. */
export class DatabaseBusyError extends UpstreamUnavailableError {}

/**
 * The one place where database driver failures become service errors, keeping the original as
 * `cause`: a lost, refused or closed connection (anywhere in the `cause` chain, e.g. inside
 * drizzle's DrizzleQueryError) becomes `upstream_unavailable`; a serialization failure or
 * deadlock a DatabaseBusyError; a value Postgres rejects (class 22/54) `invalid_input`; a full
 * disk `storage_full`. Anything else (a constraint, a bug) is returned unchanged.
 */
export function pgFailure(error: unknown, action: string): unknown {
  if (error instanceof AppError) return error;
  const lost = lostConnection(error, 0);
  if (lost !== undefined)
    return new UpstreamUnavailableError(`database ${action} failed (${lost})`, { cause: error });
  const state = sqlState(error);
  if (state === '53100' || isNoSpace(error))
    return new StorageFullError('the database has no space left', { cause: error });
  if (state && RETRYABLE_STATES.has(state))
    return new DatabaseBusyError(`database ${action} lost a concurrent race (${state})`, {
      cause: error,
    });
  if (state && REJECTED_VALUE_CLASSES.includes(state.slice(0, 2)))
    return new InvalidInputError(`the database rejected a value (SQLSTATE ${state})`, {
      cause: error,
    });
  return error;
}

/** The SQLSTATE of `error` or of the first error in its cause chain that has one. */
function sqlState(error: unknown): string | undefined {
  let current = error;
  for (let depth = 0; current instanceof Error && depth < 8; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = current.cause;
  }
  return undefined;
}

function isNoSpace(error: unknown): boolean {
  let current = error;
  for (let depth = 0; current instanceof Error && depth < 8; depth += 1) {
    if ((current as { code?: unknown }).code === 'ENOSPC') return true;
    if (NO_SPACE_MESSAGE.test(current.message)) return true;
    current = current.cause;
  }
  return false;
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
