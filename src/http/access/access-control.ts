import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type ApiKey, grants, type KeyScope } from '../../domain/api-key.js';
import { ForbiddenError, UnauthorizedError } from '../../domain/errors.js';
import type { ApiKeyService } from '../../services/access/api-key-service.js';
import { type AuthMode, hostAllowed } from './access-policy.js';

export interface AccessOptions {
  /** `auto`: keys are required once one exists; `on`: always; `off`: never. */
  readonly mode: AuthMode;
  /** Paths (and everything under them) served without a key. */
  readonly publicPaths: readonly string[];
  /** When set, only these Host headers (besides the loopback names) are answered. */
  readonly allowedHosts?: readonly string[] | undefined;
}

/** Public by default: probes, the API docs, and the dashboard's static page (its calls need a key). */
export const DEFAULT_PUBLIC_PATHS: readonly string[] = ['/health', '/ready', '/docs', '/ui'];

declare module 'fastify' {
  interface FastifyRequest {
    /** The key that authenticated this request (absent when the API runs open). */
    apiKey?: ApiKey | undefined;
  }
  interface FastifyContextConfig {
    /** The key scope a route needs when the method alone does not say (e.g. a POST search). */
    access?: KeyScope;
  }
}

/**
 * One global hook for every route, including routes other plugins add later: Host check,
 * key check (`Authorization: Bearer …` or `X-API-Key`), scope check, and user binding.
 */
export function registerAccessControl(
  app: FastifyInstance,
  keys: ApiKeyService | undefined,
  options: AccessOptions,
): void {
  app.decorateRequest('apiKey', undefined);
  app.addHook('onRequest', async (request) => {
    if (options.allowedHosts && !hostAllowed(request.headers.host, options.allowedHosts))
      throw new ForbiddenError('this Host header is not allowed');
    if (options.mode === 'off' || isPublic(request.url, options.publicPaths)) return;
    // A CORS preflight carries no credentials by design; it reaches no route handler.
    if (request.method === 'OPTIONS') return;
    if (options.mode === 'auto' && !(await keys?.hasActiveKeys())) return;
    const secret = presentedKey(request);
    if (!secret)
      throw new UnauthorizedError('an API key is required: Authorization: Bearer KEY or X-API-Key');
    const key = await keys?.authenticate(secret);
    if (!key) throw new UnauthorizedError('the API key is unknown or revoked');
    const needed = neededScope(request);
    if (!grants(key.scopes, needed))
      throw new ForbiddenError(`this key lacks the ${needed} scope for ${request.method}`);
    request.apiKey = key;
  });
  app.addHook('preHandler', async (request) => {
    const bound = request.apiKey?.userId;
    if (bound) bindUser(request, bound);
  });
}

function presentedKey(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header === 'string') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match) return match[1];
  }
  const key = request.headers['x-api-key'];
  return typeof key === 'string' && key.length > 0 ? key : undefined;
}

function isPublic(url: string, publicPaths: readonly string[]): boolean {
  const path = url.split('?')[0] ?? url;
  return publicPaths.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** `read` for GET, `admin` for key management, `write` for everything else unless the route says. */
function neededScope(request: FastifyRequest): KeyScope {
  const declared = request.routeOptions.config?.access;
  if (declared) return declared;
  const path = request.url.split('?')[0] ?? '';
  if (path === '/keys' || path.startsWith('/keys/')) return 'admin';
  return ['GET', 'HEAD', 'OPTIONS'].includes(request.method) ? 'read' : 'write';
}

/**
 * A user-bound key names its user everywhere: a request naming another user is refused, and
 * one naming none is given the key's user (query, body, and each batch item).
 */
function bindUser(request: FastifyRequest, userId: string): void {
  const params = request.params as Record<string, unknown> | undefined;
  if (params && typeof params['user_id'] === 'string' && params['user_id'] !== userId)
    throw new ForbiddenError(`this key is bound to user ${userId}`);
  const body = request.body as Record<string, unknown> | undefined;
  const items = body && Array.isArray(body['items']) ? body['items'] : [];
  for (const target of [request.query, body, ...items]) {
    if (!target || typeof target !== 'object' || Array.isArray(target)) continue;
    const record = target as Record<string, unknown>;
    if (record['user_id'] === undefined) record['user_id'] = userId;
    else if (record['user_id'] !== userId)
      throw new ForbiddenError(`this key is bound to user ${userId}`);
  }
}
