import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/domain/errors.js';
import { requiredScope, sameScope, scopeOf } from '../../../src/domain/scope.js';
import { DEFAULT_TENANT, validTenant } from '../../../src/domain/tenant.js';

describe('tenants', () => {
  it('accepts short lower-case names and refuses anything else', () => {
    expect(validTenant('acme')).toBe('acme');
    expect(validTenant('team_2-eu')).toBe('team_2-eu');
    for (const bad of ['', 'Acme', '-acme', 'a b', 'ä', 'x'.repeat(64), 'acme\u0000'])
      expect(() => validTenant(bad)).toThrow(InvalidInputError);
  });

  it('puts scopes in the default tenant unless told otherwise', () => {
    expect(scopeOf('alice').tenant).toBe(DEFAULT_TENANT);
    expect(requiredScope('alice', undefined, 'acme')).toEqual({
      tenant: 'acme',
      userId: 'alice',
      agentId: '',
    });
  });

  it('counts two scopes as one only in the same tenant', () => {
    expect(sameScope(scopeOf('alice'), scopeOf('alice', ''))).toBe(true);
    expect(sameScope(scopeOf('alice'), scopeOf('alice', '', 'acme'))).toBe(false);
  });
});
