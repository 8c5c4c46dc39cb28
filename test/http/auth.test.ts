import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PUBLIC_PATHS } from '../../src/http/access/access-control.js';
import { useTestApp } from '../support/use-test-app.js';

const t = useTestApp({
  appOptions: { access: { mode: 'auto', publicPaths: DEFAULT_PUBLIC_PATHS, allowedHosts: [] } },
});

const secrets: Record<string, string> = {};
let aliceMemoryId = '';

beforeAll(async () => {
  const keys = t.services.keys;
  if (!keys) throw new Error('the test app has no key service');
  const specs: Array<{ name: string; scopes: Array<'read' | 'write' | 'admin'>; userId?: string }> =
    [
      { name: 'admin', scopes: ['admin'] },
      { name: 'writer', scopes: ['read', 'write'] },
      { name: 'reader', scopes: ['read'] },
      { name: 'bob', scopes: ['read', 'write'], userId: 'bob' },
      { name: 'revoked', scopes: ['read', 'write'] },
    ];
  for (const spec of specs) {
    const created = await keys.create(spec);
    secrets[spec.name] = created.secret;
    if (spec.name === 'revoked') await keys.revoke(created.key.id);
  }
  const added = await t.app.inject({
    method: 'POST',
    url: '/memories',
    headers: { authorization: `Bearer ${secrets['writer']}` },
    payload: { content: 'Alice keeps her passport in the desk.', user_id: 'alice' },
  });
  aliceMemoryId = added.json().memory.id;
});

type InjectOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  payload?: Record<string, unknown>;
  headers?: Record<string, string>;
};

const as = (name: string | undefined, request: InjectOptions) =>
  t.app.inject({
    ...request,
    headers: {
      ...(name && secrets[name] ? { authorization: `Bearer ${secrets[name]}` } : {}),
      ...(request.headers ?? {}),
    },
  });

describe('API keys', () => {
  it('answers 401 without a key, with an unknown key and with a revoked key', async () => {
    const none = await as(undefined, { url: '/memories?user_id=alice' });
    const wrong = await t.app.inject({
      url: '/memories?user_id=alice',
      headers: { authorization: 'Bearer egk_not-a-key' },
    });
    const revoked = await as('revoked', { url: '/memories?user_id=alice' });
    expect([none.statusCode, wrong.statusCode, revoked.statusCode]).toEqual([401, 401, 401]);
    expect(none.json().code).toBe('unauthorized');
  });

  it('serves the probes without a key', async () => {
    expect((await t.app.inject({ url: '/health' })).statusCode).toBe(200);
  });

  it('accepts the key in X-API-Key as well', async () => {
    const response = await t.app.inject({
      url: '/memories?user_id=alice',
      headers: { 'x-api-key': secrets['reader'] ?? '' },
    });
    expect(response.statusCode).toBe(200);
  });

  it('lets a read-only key search but not write', async () => {
    const search = await as('reader', {
      method: 'POST',
      url: '/memories/search',
      payload: { query: 'passport', user_id: 'alice' },
    });
    const write = await as('reader', {
      method: 'POST',
      url: '/memories',
      payload: { content: 'A read key must not write this.', user_id: 'alice' },
    });
    expect(search.statusCode).toBe(200);
    expect(write.statusCode).toBe(403);
    expect(write.json().code).toBe('forbidden');
  });

  it('refuses a user-bound key naming another user, and scopes its reads to its user', async () => {
    const named = await as('bob', { url: '/memories?user_id=alice' });
    const byId = await as('bob', { url: `/memories/${aliceMemoryId}` });
    const own = await as('bob', {
      method: 'POST',
      url: '/memories',
      payload: { content: 'Bob likes green tea.' },
    });
    expect(named.statusCode).toBe(403);
    expect(byId.statusCode).toBe(404);
    expect(own.statusCode).toBe(201);
    expect(own.json().memory.user_id).toBe('bob');
  });

  it('lets only admin keys manage keys, and shows a new key once', async () => {
    const denied = await as('writer', { url: '/keys' });
    const created = await as('admin', {
      method: 'POST',
      url: '/keys',
      payload: { name: 'ci', scopes: ['read'] },
    });
    const listed = await as('admin', { url: '/keys' });
    expect(denied.statusCode).toBe(403);
    expect(created.statusCode).toBe(201);
    expect(created.json().secret).toMatch(/^egk_/);
    expect(listed.body).not.toContain(created.json().secret);
    const revoke = await as('admin', { method: 'DELETE', url: `/keys/${created.json().key.id}` });
    const after = await t.app.inject({
      url: '/memories?user_id=alice',
      headers: { authorization: `Bearer ${created.json().secret}` },
    });
    expect(revoke.statusCode).toBe(204);
    expect(after.statusCode).toBe(401);
  });

  it('answers 403 to a Host header that is not loopback (DNS rebinding)', async () => {
    const response = await as('reader', {
      url: '/memories?user_id=alice',
      headers: { host: 'attacker.example:8000' },
    });
    expect(response.statusCode).toBe(403);
  });
});
