import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/adapters/postgres/database.js';
import { DATABASE_KINDS } from '../support/test-databases.js';
import { useTestApp } from '../support/use-test-app.js';

const LONG = Array.from(
  { length: 10 },
  (_, i) => `On day ${i} Maya walked from Seattle to the Green Lake cafe with her brother Leo.`,
).join(' ');
const QUERIES = ['Where does Maya work?', 'Who is Leo?', 'Green Lake cafe'];

describe.each(DATABASE_KINDS)('export and import on %s', (kind) => {
  const t = useTestApp({ database: kind });
  const user = 'round-trip';
  let exported = '';

  const snapshot = async () => {
    const searches = [];
    for (const query of QUERIES) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/memories/search',
        payload: { query, user_id: user, top_k: 5 },
      });
      searches.push(
        response
          .json()
          .results.map((r: { memory: { id: string }; score: number }) => [
            r.memory.id,
            r.score.toFixed(6),
          ]),
      );
    }
    const entities = (await t.app.inject({ url: `/entities?user_id=${user}&limit=500` })).json()
      .entities;
    const graph = [];
    for (const entity of entities) {
      const edges = (
        await t.app.inject({ url: `/entities/${entity.id}/relationships?user_id=${user}` })
      ).json().relationships;
      graph.push({
        id: entity.id,
        text: entity.text,
        type: entity.type,
        aliases: [...entity.aliases].sort(),
        mentions: entity.mention_count,
        // Edges that start at the same instant come in no fixed order: compare them by id.
        edges: edges
          .map((e: Record<string, unknown>) => [e['id'], e['valid_from'], e['valid_to']])
          .sort((a: string[], b: string[]) => String(a[0]).localeCompare(String(b[0]))),
      });
    }
    return { searches, graph: graph.sort((a, b) => a.id.localeCompare(b.id)) };
  };
  const importBody = (payload: string) =>
    t.app.inject({
      method: 'POST',
      url: '/import',
      headers: { 'content-type': 'application/x-ndjson' },
      payload,
    });

  beforeAll(async () => {
    for (const content of [
      'Hi! I work at Microsoft as a product designer.',
      'I live in Seattle, near Green Lake.',
      'My brother Leo works at Stripe.',
      'Leonard moved to Portland.',
      LONG,
    ])
      await t.app.inject({
        method: 'POST',
        url: '/memories',
        payload: { content, user_id: user, metadata: { speaker: 'maya' } },
      });
    await t.app.inject({
      method: 'POST',
      url: '/memories',
      payload: { content: 'Remind me about the dentist.', user_id: user, ttl_seconds: 86_400 },
    });
    const find = async (name: string) =>
      (await t.app.inject({ url: `/entities?user_id=${user}&name=${name}` })).json().entities[0];
    const leo = await find('leo');
    const leonard = await find('leonard');
    if (leo && leonard)
      await t.app.inject({
        method: 'POST',
        url: `/entities/${leo.id}/merge?user_id=${user}`,
        payload: { from_id: leonard.id },
      });
  });

  it('exports a versioned header, then entities, memories, relationships and history', async () => {
    const response = await t.app.inject({ url: `/export?user_id=${user}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/x-ndjson');
    exported = response.body;
    const lines = exported
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines[0]).toMatchObject({
      kind: 'header',
      format: 'engram-export',
      version: 1,
      user_id: user,
    });
    const kinds = lines.slice(1).map((line) => line.kind);
    expect(kinds.indexOf('memory')).toBeGreaterThan(kinds.lastIndexOf('entity'));
    expect(kinds.indexOf('relationship')).toBeGreaterThan(kinds.lastIndexOf('memory'));
    expect(kinds.filter((k) => k === 'memory')).toHaveLength(6);
    expect(lines.find((l) => l.kind === 'memory' && l.chunks.length > 0)).toBeDefined();
    expect(lines.find((l) => l.kind === 'memory' && l.expires_at !== null)).toBeDefined();
    expect(kinds).toContain('entity_history');
    expect(kinds).toContain('memory_history');
  });

  it('export → forget → import gives the same search results and graph', async () => {
    const before = await snapshot();
    expect(before.graph.length).toBeGreaterThan(3);
    expect((await t.app.inject({ method: 'DELETE', url: `/users/${user}` })).statusCode).toBe(200);
    expect((await snapshot()).graph).toEqual([]);
    const response = await importBody(exported);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ failed: 0, unchanged: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('importing again changes nothing', async () => {
    const before = await snapshot();
    const response = await importBody(exported);
    expect(response.json()).toMatchObject({ created: 0, failed: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('reports a bad record on its own line and imports the rest', async () => {
    const header = exported.split('\n')[0];
    const good = JSON.stringify({
      kind: 'memory_history',
      memory_id: '0b7e5c1e-6f43-4c55-9a51-7c7a3f0d8d11',
      user_id: 'other',
      agent_id: '',
      event: 'add',
      old_content: null,
      new_content: 'x',
      metadata: {},
      created_at: '2026-01-01T00:00:00Z',
    });
    const response = await importBody(
      [header, '{"kind":"memory","id":"nope"}', 'not json', good].join('\n'),
    );
    expect(response.statusCode).toBe(200);
    expect(
      response.json().results.map((r: { line: number; status: string }) => [r.line, r.status]),
    ).toEqual([
      [2, 'error'],
      [3, 'error'],
      [4, 'created'],
    ]);
  });

  it('rejects a body without the header, and an export without a scope, with 400', async () => {
    expect((await importBody('{"kind":"entity"}')).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/export' })).statusCode).toBe(400);
  });

  // Last: its key turns auth on for the app.
  it('imports into another tenant under fresh ids, linking nothing across tenants', async () => {
    const copy = await t.services.keys?.create({
      name: 'c',
      scopes: ['read', 'write'],
      tenant: 'copy',
    });
    const authorization = `Bearer ${copy?.secret}`;
    const asCopy = (request: { method?: 'GET' | 'POST'; url: string; payload?: string }) =>
      t.app.inject({
        ...request,
        headers: { authorization, 'content-type': 'application/x-ndjson' },
      });
    const counts = async (table: string) =>
      Object.fromEntries(
        (
          await queryRows<{ tenant: string; n: number }>(
            t.database.db,
            sql.raw(`select tenant, count(*)::int as n from ${table} group by tenant`),
          )
        ).map((row) => [row.tenant, Number(row.n)]),
      );
    const before = await counts('memories');
    const first = await asCopy({ method: 'POST', url: '/import', payload: exported });
    expect(first.json()).toMatchObject({ failed: 0 });
    const again = await asCopy({ method: 'POST', url: '/import', payload: exported });
    expect(again.json()).toMatchObject({ created: 0, failed: 0 });

    const exportedIds = new Set(
      exported
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).id),
    );
    const listed = (await asCopy({ url: `/memories?user_id=${user}&limit=100` })).json().memories;
    expect(listed).toHaveLength(6);
    expect(listed.filter((m: { id: string }) => exportedIds.has(m.id))).toEqual([]);
    const found = (
      await t.app.inject({
        method: 'POST',
        url: '/memories/search',
        headers: { authorization },
        payload: { query: 'Who is Leo?', user_id: user },
      })
    ).json().results;
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((r: { memory: { id: string } }) => exportedIds.has(r.memory.id))).toEqual(
      [],
    );
    expect(await counts('memories')).toEqual({ ...before, copy: before['default'] });
    const crossing = await queryRows<{ n: number }>(
      t.database.db,
      sql`select (select count(*) from memory_entities me join memories m on m.id = me.memory_id
                    join entities e on e.id = me.entity_id where m.tenant <> e.tenant)
             + (select count(*) from relationships r join entities s on s.id = r.source_entity_id
                    join entities d on d.id = r.target_entity_id where s.tenant <> d.tenant)
             + (select count(*) from relationship_evidence v join relationships r on r.id = v.relationship_id
                    join entities s on s.id = r.source_entity_id join memories m on m.id = v.memory_id
                    where s.tenant <> m.tenant)
             + (select count(*) from entities e join entities t on t.id = e.merged_into where e.tenant <> t.tenant)
             as n`,
    );
    expect(Number(crossing[0]?.n)).toBe(0);
  });
});
