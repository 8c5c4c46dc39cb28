import { InvalidInputError } from './errors.js';
import { DEFAULT_TENANT } from './tenant.js';

/**
 * Who a record belongs to: a tenant (an API key's; `default` without keys), and in it a user
 * and an agent. The empty string means "not set"; it is a value of its own so that unique
 * constraints and equality filters behave the same on every Postgres.
 */
export interface Scope {
  readonly tenant: string;
  readonly userId: string;
  readonly agentId: string;
}

/** Builds a scope from optional ids, mapping absent ids to the empty string. */
export function scopeOf(
  userId?: string | null,
  agentId?: string | null,
  tenant: string = DEFAULT_TENANT,
): Scope {
  return { tenant, userId: userId ?? '', agentId: agentId ?? '' };
}

/** Whether two scopes are the same tenant, user and agent. */
export function sameScope(a: Scope, b: Scope): boolean {
  return a.tenant === b.tenant && a.userId === b.userId && a.agentId === b.agentId;
}

/**
 * The scope of a write or a search, which must name a user or an agent (an unscoped write would
 * land in a bucket every unscoped caller shares). Throws `invalid_input` naming the fields.
 */
export function requiredScope(
  userId?: string | null,
  agentId?: string | null,
  tenant: string = DEFAULT_TENANT,
): Scope {
  if (!userId && !agentId) throw new InvalidInputError('user_id or agent_id is required');
  return scopeOf(userId, agentId, tenant);
}
