import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, EntityMergedError, type ErrorCode } from '../domain/errors.js';

/** HTTP status for each error code: the one table that maps them. */
export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  not_found: 404,
  invalid_input: 400,
  conflict: 409,
  payload_too_large: 413,
  unauthorized: 401,
  forbidden: 403,
  rate_limited: 429,
  overloaded: 503,
  storage_full: 507,
  upstream_unavailable: 503,
  internal: 500,
};

const CODE_BY_FASTIFY_ERROR: Readonly<Record<string, ErrorCode>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'invalid_input',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_input',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_input',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_input',
  FST_ERR_VALIDATION: 'invalid_input',
};

/** Turns every error into `{code, message}`: 4xx for the caller's mistakes, never a 5xx for them. */
export function errorHandler(
  error: FastifyError | AppError,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  if (error instanceof AppError) return sendAppError(error, error, request, reply);
  const wrapped = wrappedAppError(error);
  if (wrapped) return sendAppError(wrapped, error, request, reply);
  if (error.validation) {
    return reply.status(400).send({ code: 'invalid_input', message: validationMessage(error) });
  }
  const mapped = CODE_BY_FASTIFY_ERROR[error.code];
  if (mapped)
    return reply.status(STATUS_BY_CODE[mapped]).send({ code: mapped, message: error.message });
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return reply.status(error.statusCode).send({ code: 'invalid_input', message: error.message });
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send({ code: 'internal', message: 'internal error' });
}

interface SchemaProblem {
  readonly keyword: string;
  readonly instancePath: string;
  readonly params: Record<string, unknown>;
  readonly message?: string;
}

/**
 * Names the field a schema check refused (`body.limit is not allowed`, `body.query must be
 * string`) where ajv's own text says only "must NOT have additional properties".
 */
function validationMessage(error: FastifyError): string {
  const problem = (error.validation as readonly SchemaProblem[] | undefined)?.[0];
  if (!problem) return error.message;
  const context = (error as { validationContext?: string }).validationContext ?? 'body';
  const at = `${context}${problem.instancePath.replaceAll('/', '.')}`;
  const extra = problem.params['additionalProperty'];
  if (problem.keyword === 'additionalProperties' && typeof extra === 'string')
    return `${at}.${extra} is not allowed`;
  const missing = problem.params['missingProperty'];
  if (problem.keyword === 'required' && typeof missing === 'string')
    return `${at}.${missing} is required`;
  return problem.message ? `${at} ${problem.message}` : error.message;
}

function sendAppError(
  appError: AppError,
  thrown: Error,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  if (appError instanceof EntityMergedError) return sendMerged(appError, request, reply);
  const status = STATUS_BY_CODE[appError.code];
  request.log[status >= 500 ? 'warn' : 'info']({ err: thrown }, 'request failed');
  return reply.status(status).send({ code: appError.code, message: appError.message });
}

/**
 * A merged-away entity points at its survivor: reads answer 301 with the survivor's URL (same
 * sub-path and query), writes 409; both bodies carry `merged_into`.
 */
function sendMerged(error: EntityMergedError, request: FastifyRequest, reply: FastifyReply) {
  const body = { code: error.code, message: error.message, merged_into: error.survivorId };
  if (request.method !== 'GET') return reply.status(409).send(body);
  const location = request.url.replace(
    `/entities/${error.entityId}`,
    `/entities/${error.survivorId}`,
  );
  return reply.status(301).header('location', location).send(body);
}

/**
 * An AppError that a library wrapped on its way up, e.g. a lost database connection that the
 * driver translated and drizzle then reported as the `cause` of a DrizzleQueryError.
 */
function wrappedAppError(error: unknown): AppError | undefined {
  let current = error instanceof Error ? error.cause : undefined;
  for (let depth = 0; current instanceof Error && depth < 8; depth += 1) {
    if (current instanceof AppError) return current;
    current = current.cause;
  }
  return undefined;
}
