/** Error codes the Engram server sends in `{code, message}` bodies. */
export type ServerErrorCode =
  | 'not_found'
  | 'invalid_input'
  | 'conflict'
  | 'payload_too_large'
  | 'unauthorized'
  | 'forbidden'
  | 'rate_limited'
  | 'upstream_unavailable'
  | 'internal';

/** Codes the client raises itself, when no answer (or no JSON answer) came back. */
export type ClientErrorCode = 'timeout' | 'network_error' | 'invalid_response' | 'aborted';

/** Every code an {@link EngramError} can carry; unknown server codes pass through as strings. */
export type EngramErrorCode = ServerErrorCode | ClientErrorCode | (string & {});

/**
 * The one error the client throws: `status` is the HTTP status (undefined when no answer came),
 * `code` the server's error code (or a client code), `cause` the underlying failure.
 */
export class EngramError extends Error {
  readonly code: EngramErrorCode;
  readonly status: number | undefined;
  /** The parsed error body, when the server sent one. */
  readonly body: unknown;

  constructor(
    code: EngramErrorCode,
    message: string,
    options: { status?: number; body?: unknown; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'EngramError';
    this.code = code;
    this.status = options.status;
    this.body = options.body;
  }
}

/** True for an {@link EngramError} with the given code (narrowing helper for `catch`). */
export function isEngramError(error: unknown, code?: EngramErrorCode): error is EngramError {
  return error instanceof EngramError && (code === undefined || error.code === code);
}
