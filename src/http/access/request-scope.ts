import type { FastifyRequest } from 'fastify';
import { requiredScope, type Scope, scopeOf } from '../../domain/scope.js';
import { DEFAULT_TENANT } from '../../domain/tenant.js';

/** The tenant a request acts in: its key's, or `default` when the API runs open. */
export function tenantOf(request: FastifyRequest): string {
  return request.apiKey?.tenant ?? DEFAULT_TENANT;
}

/** The scope a request names, in the request's tenant (absent ids are ''). */
export function scopeIn(
  request: FastifyRequest,
  userId?: string | null,
  agentId?: string | null,
): Scope {
  return scopeOf(userId, agentId, tenantOf(request));
}

/** The scope of a write or search in the request's tenant; `invalid_input` without user or agent. */
export function requiredScopeIn(
  request: FastifyRequest,
  userId?: string | null,
  agentId?: string | null,
): Scope {
  return requiredScope(userId, agentId, tenantOf(request));
}
