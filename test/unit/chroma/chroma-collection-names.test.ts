import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ChromaCollectionNames } from '../../../src/adapters/chroma/chroma-collection-names.js';
import { scopeOf } from '../../../src/domain/scope.js';

const names = new ChromaCollectionNames('engram');
// The name every collection had before tenants (decision 0001): sha256 of user NUL agent.
const preTenantName = (userId: string, agentId: string) =>
  `engram-s-${createHash('sha256').update(`${userId}\u0000${agentId}`).digest('hex').slice(0, 40)}`;

describe('ChromaCollectionNames', () => {
  it('keeps the pre-tenant names for the default tenant, so no reindex is needed', () => {
    expect(names.forScope(scopeOf('alice'))).toBe(preTenantName('alice', ''));
    expect(names.forScope(scopeOf('alice', 'bot'))).toBe(preTenantName('alice', 'bot'));
  });

  it('gives the same user and agent another collection in every other tenant', () => {
    const all = ['default', 'acme', 'globex'].map((tenant) =>
      names.forScope(scopeOf('alice', 'bot', tenant)),
    );
    expect(new Set(all).size).toBe(3);
    expect(all.every((name) => names.isScopeCollection(name))).toBe(true);
  });

  // Ids never hold NUL (Postgres text cannot), so one NUL means (user, agent), two mean a tenant.
  it('does not let a tenant name and the scope ids run together', () => {
    expect(names.forScope(scopeOf('alice', '', 'acme'))).not.toBe(
      names.forScope(scopeOf('acme', 'alice')),
    );
  });
});
