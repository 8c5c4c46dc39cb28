/** The closed set of error codes the service raises on purpose. Stable API. */
export type ErrorCode =
  | 'not_found'
  | 'invalid_input'
  | 'conflict'
  | 'payload_too_large'
  | 'unauthorized'
  | 'forbidden'
  | 'rate_limited'
  | 'overloaded'
  | 'storage_full'
  | 'upstream_unavailable'
  | 'internal';

/** Base for every error the service raises on purpose. Messages name ids, never memory text. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A named thing (memory, entity, …) does not exist in the caller's scope. */
export class NotFoundError extends AppError {
  constructor(kind: string, id: string) {
    super('not_found', `${kind} ${id} not found`);
  }
}

/** The caller sent something the service cannot accept. */
export class InvalidInputError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('invalid_input', message, options);
  }
}

/** The request conflicts with the current state (e.g. a held lock, a schema mismatch). */
export class ConflictError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('conflict', message, options);
  }
}

/** A dependency (vector index, embedder, LLM) failed or timed out. */
export class UpstreamUnavailableError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('upstream_unavailable', message, options);
  }
}

/** The entity was merged into another: requests about it answer with the survivor's id. */
export class EntityMergedError extends ConflictError {
  constructor(
    readonly entityId: string,
    readonly survivorId: string,
  ) {
    super(`entity ${entityId} was merged into ${survivorId}`);
  }
}
/** The request carries no valid credentials (no key, an unknown key, a revoked key). */
export class UnauthorizedError extends AppError {
  constructor(message: string) {
    super('unauthorized', message);
  }
}

/** The credentials are valid but do not allow this request (scope, bound user, host). */
export class ForbiddenError extends AppError {
  constructor(message: string) {
    super('forbidden', message);
  }
}

/** The database has no space left: writes fail fast until space returns. */
export class StorageFullError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('storage_full', message, options);
  }
}

/** `error` itself or the first AppError in its `cause` chain (drivers and drizzle wrap them). */
export function appErrorIn(error: unknown): AppError | undefined {
  let current = error;
  for (let depth = 0; current instanceof Error && depth < 8; depth += 1) {
    if (current instanceof AppError) return current;
    current = current.cause;
  }
  return undefined;
}
