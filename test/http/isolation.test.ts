import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PUBLIC_PATHS } from '../../src/http/access/access-control.js';
import { DATABASE_KINDS } from '../support/test-databases.js';
import { useTestApp } from '../support/use-test-app.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type Probe = { method: Method; url: string; payload?: Record<string, unknown> };

const ALICE_TEXT = 'My brother Kofi works at Spotify in Stockholm.';

describe.each(DATABASE_KINDS)('isolation on %s', (kind) => {
  const t = useTestApp({
    database: kind,
    appOptions: { access: { mode: 'auto', publicPaths: DEFAULT_PUBLIC_PATHS, allowedHosts: [] } },
  });
  const secrets: Record<string, string> = {};
  const keyIds: Record<string, string> = {};
  let memoryId: string;
  let entityIds: string[];

  const as = (name: string, request: Probe) =>
    t.app.inject({
      method: request.method,
      url: request.url,
      headers: { authorization: `Bearer ${secrets[name]}` },
      ...(request.payload ? { payload: request.payload } : {}),
    });

  beforeAll(async () => {
    const keys = t.services.keys;
    if (!keys) throw new Error('the test app has no key service');
    const specs = [
      { name: 'acme', tenant: 'acme', scopes: ['admin'] as const },
      { name: 'acme-bob', tenant: 'acme', scopes: ['read', 'write'] as const, userId: 'bob' },
      { name: 'globex', tenant: 'globex', scopes: ['admin'] as const },
      {
        name: 'globex-alice',
        tenant: 'globex',
        scopes: ['read', 'write'] as const,
        userId: 'alice',
      },
    ];
    for (const spec of specs) {
      const created = await keys.create({ ...spec, scopes: [...spec.scopes] });
      secrets[spec.name] = created.secret;
      keyIds[spec.name] = created.key.id;
    }
    const created = (
      await as('acme', {
        method: 'POST',
        url: '/memories',
        payload: { content: ALICE_TEXT, user_id: 'alice' },
      })
    ).json();
    memoryId = created.memory.id;
    entityIds = created.entities.map((e: { id: string }) => e.id);
    // The same user id in another tenant is another person with memories of her own.
    await as('globex', {
      method: 'POST',
      url: '/memories',
      payload: { content: 'Alice of Globex plays chess in Lisbon.', user_id: 'alice' },
    });
  });

  describe.each([
    ['another user', '?user_id=mallory'],
    ['no user', ''],
    ['the same user under another agent', '?user_id=alice&agent_id=other'],
  ])('%s', (_name, query) => {
    it('cannot read, list the history of, or delete the memory', async () => {
      expect(
        (await as('acme', { method: 'GET', url: `/memories/${memoryId}${query}` })).statusCode,
      ).toBe(404);
      expect(
        (await as('acme', { method: 'GET', url: `/memories/${memoryId}/history${query}` }))
          .statusCode,
      ).toBe(404);
      // A delete that names no user or agent is refused before any lookup (scope is required).
      expect(
        (await as('acme', { method: 'DELETE', url: `/memories/${memoryId}${query}` })).statusCode,
      ).toBe(query === '' ? 400 : 404);
    });

    it('cannot read the entities or their relationships', async () => {
      for (const id of entityIds) {
        for (const path of ['', '/relationships', '/graph'])
          expect(
            (await as('acme', { method: 'GET', url: `/entities/${id}${path}${query}` })).statusCode,
          ).toBe(404);
      }
      const listed = (await as('acme', { method: 'GET', url: `/entities${query}` })).json()
        .entities;
      expect(listed.filter((e: { id: string }) => entityIds.includes(e.id))).toEqual([]);
    });
  });

  it('another user cannot update the memory', async () => {
    const response = await as('acme', {
      method: 'PATCH',
      url: `/memories/${memoryId}`,
      payload: { content: 'hacked', user_id: 'mallory' },
    });
    expect(response.statusCode).toBe(404);
  });

  it('another user never finds the memory by search', async () => {
    for (const query of ['Kofi', 'Where does my brother work?', 'Spotify Stockholm']) {
      const response = await as('acme', {
        method: 'POST',
        url: '/memories/search',
        payload: { query, user_id: 'mallory' },
      });
      expect(response.json().results).toEqual([]);
    }
  });

  describe('another tenant naming the same user', () => {
    const idProbes = (): Probe[] => [
      { method: 'GET', url: `/memories/${memoryId}?user_id=alice` },
      { method: 'GET', url: `/memories/${memoryId}/history?user_id=alice` },
      { method: 'GET', url: `/memories/${memoryId}/entities?user_id=alice` },
      {
        method: 'PATCH',
        url: `/memories/${memoryId}`,
        payload: { content: 'hacked', user_id: 'alice' },
      },
      { method: 'DELETE', url: `/memories/${memoryId}?user_id=alice` },
      ...entityIds.flatMap((id): Probe[] => [
        { method: 'GET', url: `/entities/${id}?user_id=alice` },
        { method: 'GET', url: `/entities/${id}/relationships?user_id=alice` },
        { method: 'GET', url: `/entities/${id}/graph?user_id=alice` },
        { method: 'GET', url: `/entities/${id}/history?user_id=alice` },
        { method: 'GET', url: `/entities/${id}/memories?user_id=alice` },
        { method: 'PATCH', url: `/entities/${id}`, payload: { name: 'Hacked', user_id: 'alice' } },
        { method: 'DELETE', url: `/entities/${id}?user_id=alice` },
      ]),
      {
        method: 'POST',
        url: `/entities/${entityIds[0]}/merge`,
        payload: { from_id: entityIds[1], user_id: 'alice' },
      },
      { method: 'DELETE', url: `/keys/${keyIds['acme-bob']}` },
    ];

    it('answers 404 on every id route, with an admin key and with a key bound to that user', async () => {
      for (const key of ['globex', 'globex-alice'])
        for (const probe of idProbes()) {
          if (key === 'globex-alice' && probe.url.startsWith('/keys')) continue;
          const response = await as(key, probe);
          expect({ key, ...probe, status: response.statusCode }).toEqual({
            key,
            ...probe,
            status: 404,
          });
        }
    });

    it('never lists, searches, exports or recalls the other tenant’s rows', async () => {
      const seen: string[] = [];
      const read = async (probe: Probe) => {
        const response = await as('globex', probe);
        expect(response.statusCode).toBeLessThan(300);
        seen.push(response.body);
        return response;
      };
      const listed = (await read({ method: 'GET', url: '/memories?user_id=alice' })).json();
      expect(listed.memories.map((m: { content: string }) => m.content)).toEqual([
        'Alice of Globex plays chess in Lisbon.',
      ]);
      await read({ method: 'GET', url: '/entities?user_id=alice' });
      await read({ method: 'GET', url: '/entities?user_id=alice&name=kofi' });
      await read({ method: 'GET', url: '/graph?user_id=alice' });
      await read({ method: 'GET', url: '/export?user_id=alice' });
      for (const query of ['Kofi', 'Where does my brother work?', 'Spotify Stockholm'])
        await read({
          method: 'POST',
          url: '/memories/search',
          payload: { query, user_id: 'alice' },
        });
      await read({
        method: 'POST',
        url: '/chat',
        payload: { message: 'Where does Kofi work?', user_id: 'alice' },
      });
      const scopes = (await read({ method: 'GET', url: '/scopes' })).json().scopes;
      expect(scopes.map((scope: { user_id: string }) => scope.user_id)).toEqual(['alice']);
      const keys = (await read({ method: 'GET', url: '/keys' })).json().keys;
      expect(keys.map((key: { tenant: string }) => key.tenant)).toEqual(['globex', 'globex']);
      for (const body of seen) {
        expect(body).not.toContain(memoryId);
        expect(body).not.toMatch(/Kofi|Spotify|Stockholm/);
        for (const id of entityIds) expect(body).not.toContain(id);
      }
    });

    it('its MCP tools see only its own tenant', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/mcp?user_id=alice',
        headers: {
          authorization: `Bearer ${secrets['globex']}`,
          accept: 'application/json, text/event-stream',
          'content-type': 'application/json',
        },
        payload: {
          jsonrpc: '2.0',
          id: 1,
          method: 'tools/call',
          params: { name: 'search_memory', arguments: { query: 'Where does Kofi work?' } },
        },
      });
      expect(response.statusCode).toBe(200);
      expect(response.body).not.toMatch(/Kofi|Spotify|Stockholm/);
      expect(response.body).not.toContain(memoryId);
    });

    it('forgetting its user leaves the other tenant’s user alone', async () => {
      expect((await as('globex', { method: 'DELETE', url: '/users/alice' })).statusCode).toBe(200);
      const own = await as('globex', { method: 'GET', url: '/memories?user_id=alice' });
      expect(own.json().memories).toEqual([]);
      const other = await as('acme', { method: 'GET', url: `/memories/${memoryId}?user_id=alice` });
      expect(other.json().memory.content).toBe(ALICE_TEXT);
    });
  });

  it('a user-bound key naming another user is refused, and naming none sees only its user', async () => {
    const named = await as('acme-bob', {
      method: 'GET',
      url: `/memories/${memoryId}?user_id=alice`,
    });
    expect(named.statusCode).toBe(403);
    const unnamed = await as('acme-bob', { method: 'GET', url: `/memories/${memoryId}` });
    expect(unnamed.statusCode).toBe(404);
    const scopes = (await as('acme-bob', { method: 'GET', url: '/scopes' })).json().scopes;
    expect(scopes).toEqual([]);
  });

  it('the owner still sees everything afterwards', async () => {
    const response = await as('acme', {
      method: 'GET',
      url: `/memories/${memoryId}?user_id=alice`,
    });
    expect(response.json().memory.content).toBe(ALICE_TEXT);
    for (const id of entityIds)
      expect(
        (await as('acme', { method: 'GET', url: `/entities/${id}?user_id=alice` })).statusCode,
      ).toBe(200);
  });
});
