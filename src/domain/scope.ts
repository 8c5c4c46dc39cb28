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
