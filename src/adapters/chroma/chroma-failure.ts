import { AppError, UpstreamUnavailableError } from '../../domain/errors.js';

/**
 * The one place where Chroma client failures become service errors: anything that is not already
 * an AppError is reported as `upstream_unavailable`, keeping the original as `cause`.
 */
export function chromaFailure(error: unknown, action: string): AppError {
  if (error instanceof AppError) return error;
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new UpstreamUnavailableError(`chroma ${action} failed (${detail})`, { cause: error });
}

/** True when Chroma says a collection (or record) does not exist. */
export function isChromaNotFound(error: unknown): boolean {
  return error instanceof Error && error.name === 'ChromaNotFoundError';
}
