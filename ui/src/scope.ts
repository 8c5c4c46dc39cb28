/** The scope the views show: a user id, an agent id, both or neither (null: not set). */
export interface Scope {
  readonly user: string | null;
  readonly agent: string | null;
}

/** The scope named in a view's parameters (`u`, `a`). */
export function scopeFrom(params: URLSearchParams): Scope {
  return { user: params.get('u') || null, agent: params.get('a') || null };
}

/** The API's scope fields for a scope. */
export function scopeQuery(scope: Scope): { user_id?: string; agent_id?: string } {
  return {
    ...(scope.user ? { user_id: scope.user } : {}),
    ...(scope.agent ? { agent_id: scope.agent } : {}),
  };
}

/** A hash link to a view in a scope, with more parameters. */
export function link(view: string, scope: Scope, more: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (scope.user) params.set('u', scope.user);
  if (scope.agent) params.set('a', scope.agent);
  for (const [name, value] of Object.entries(more)) if (value) params.set(name, value);
  const query = params.toString();
  return `#/${view}${query ? `?${query}` : ''}`;
}

/** How a scope reads: "user alice · agent helper". */
export function scopeLabel(scope: Scope): string {
  const parts = [
    scope.user ? `user ${scope.user}` : '',
    scope.agent ? `agent ${scope.agent}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : 'no user or agent';
}
