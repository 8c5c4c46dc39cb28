import { InvalidInputError } from './errors.js';

/**
 * Who a record belongs to. The empty string means "not set"; it is a value of its own so
 * that unique constraints and equality filters behave the same on every Postgres.
 */
export interface Scope {
  readonly userId: string;
  readonly agentId: string;
}

/** Builds a scope from optional ids, mapping absent ids to the empty string. */
export function scopeOf(userId?: string | null, agentId?: string | null): Scope {
  return { userId: userId ?? '', agentId: agentId ?? '' };
}

/**
 * The scope of a write or a search, which must name a user or an agent (an unscoped write would
 * land in a bucket every unscoped caller shares). Throws `invalid_input` naming the fields.
 */
export function requiredScope(userId?: string | null, agentId?: string | null): Scope {
  if (!userId && !agentId) throw new InvalidInputError('user_id or agent_id is required');
  return scopeOf(userId, agentId);
}
