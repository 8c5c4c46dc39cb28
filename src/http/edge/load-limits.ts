import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../domain/errors.js';

export interface LoadLimits {
  /** Requests per minute per API key (per client address without one); 0: no limit. */
  readonly ratePerMinute: number;
  /** Requests served at once; beyond it new ones get 503 with Retry-After. */
  readonly maxInFlight: number;
}

// Probes must answer when the server is saturated, or an orchestrator restarts a busy process.
const PROBES = new Set(['/health', '/ready']);
const COUNTED = Symbol('engram.inFlight');

/**
 * Admission control: an in-flight cap that sheds load with 503 + Retry-After instead of queueing
 * without bound, and a per-key rate limit answering 429 + Retry-After. Register it before routes.
 */
export async function registerLoadLimits(app: FastifyInstance, limits: LoadLimits) {
  let inFlight = 0;
  const release = (request: FastifyRequest) => {
    const counted = request as FastifyRequest & { [COUNTED]?: boolean };
    if (!counted[COUNTED]) return;
    counted[COUNTED] = false;
    inFlight -= 1;
  };
  app.addHook('onRequest', async (request, reply) => {
    if (PROBES.has(request.url.split('?')[0] ?? '')) return;
    if (inFlight >= limits.maxInFlight) {
      reply.header('retry-after', '1');
      throw new AppError('overloaded', 'too many requests in flight; retry shortly');
    }
    inFlight += 1;
    (request as FastifyRequest & { [COUNTED]?: boolean })[COUNTED] = true;
  });
  app.addHook('onResponse', async (request) => release(request));
  app.addHook('onRequestAbort', async (request) => release(request));
  if (limits.ratePerMinute <= 0) return;
  await app.register(rateLimit, {
    global: true,
    max: limits.ratePerMinute,
    timeWindow: 60_000,
    // Runs after the key check (an app-level onRequest hook), so the limit is per key.
    keyGenerator: (request) => request.apiKey?.id ?? request.ip,
    allowList: (request) => PROBES.has(request.url.split('?')[0] ?? ''),
    errorResponseBuilder: (_request, context) =>
      new AppError(
        'rate_limited',
        `more than ${context.max} requests per minute; retry in ${context.after}`,
      ),
  });
}
