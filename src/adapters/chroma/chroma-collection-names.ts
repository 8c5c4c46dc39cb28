import { createHash } from 'node:crypto';
import type { Scope } from '../../domain/scope.js';
import { DEFAULT_TENANT } from '../../domain/tenant.js';

const PREFIX_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,40}$/;

/** Names of the collections one Engram index uses on a Chroma server. */
export class ChromaCollectionNames {
  readonly prefix: string;

  constructor(prefix: string) {
    if (!PREFIX_PATTERN.test(prefix)) {
      throw new Error(`invalid chroma collection prefix "${prefix}"`);
    }
    this.prefix = prefix;
  }

  /** The collection that records which embedder built the index. */
  get meta(): string {
    return `${this.prefix}-meta`;
  }

  /**
   * The collection of one (tenant, user, agent) scope: a hash, since ids may hold any character.
   * The default tenant is left out of the hash, so collections made before tenants keep their names.
   */
  forScope(scope: Scope): string {
    const tenant = scope.tenant === DEFAULT_TENANT ? '' : `${scope.tenant}\u0000`;
    const digest = createHash('sha256')
      .update(`${tenant}${scope.userId}\u0000${scope.agentId}`)
      .digest('hex')
      .slice(0, 40);
    return `${this.prefix}-s-${digest}`;
  }

  /** True for the name of a scope collection of this index. */
  isScopeCollection(name: string): boolean {
    return name.startsWith(`${this.prefix}-s-`);
  }
}
