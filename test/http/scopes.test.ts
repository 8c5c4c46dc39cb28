import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/use-test-app.js';

const t = useTestApp();
const user = 'scope-user';

interface Node {
  id: string;
  text: string;
  type: string;
  mention_count: number;
}
interface Edge {
  source_entity_id: string;
  target_entity_id: string;
  relation_type: string;
  current: boolean;
  valid_to: string | null;
}

beforeAll(async () => {
  for (const [content, created_at] of [
    ['My sister Sarah lives in Boston.', '2024-01-01T00:00:00Z'],
    ['Sarah works at Microsoft Corp. in Seattle.', '2024-02-01T00:00:00Z'],
    ['Sarah moved and now lives in Denver.', '2025-03-01T00:00:00Z'],
  ]) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/memories',
      payload: { content, user_id: user, created_at },
    });
    expect(response.statusCode).toBe(201);
  }
  await t.app.inject({
    method: 'POST',
    url: '/memories',
    payload: { content: 'Tom lives in Paris.', user_id: 'other', agent_id: 'helper' },
  });
});

async function graph(query = '') {
  const response = await t.app.inject({ url: `/graph?user_id=${user}${query}` });
  expect(response.statusCode).toBe(200);
  return response.json() as { nodes: Node[]; edges: Edge[]; total_entities: number };
}

const named = (nodes: Node[], text: string) => nodes.find((node) => node.text === text);

describe('GET /scopes', () => {
  it('lists each user and agent pair with its counts', async () => {
    const response = await t.app.inject({ url: '/scopes' });
    expect(response.statusCode).toBe(200);
    const scopes = response.json().scopes;
    expect(scopes).toContainEqual(
      expect.objectContaining({ user_id: user, agent_id: null, memories: 3 }),
    );
    expect(scopes).toContainEqual(
      expect.objectContaining({ user_id: 'other', agent_id: 'helper', memories: 1 }),
    );
    const mine = scopes.find((scope: { user_id: string }) => scope.user_id === user);
    expect(mine.entities).toBeGreaterThanOrEqual(5);
    expect(mine.relationships).toBeGreaterThanOrEqual(3);
  });

  it('rejects a limit above 500 with 400', async () => {
    const response = await t.app.inject({ url: '/scopes?limit=501' });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('invalid_input');
  });
});

describe('GET /graph', () => {
  it("answers with the scope's entities and the edges between them, closed ones not current", async () => {
    const { nodes, edges } = await graph();
    const sarah = named(nodes, 'Sarah');
    expect(sarah?.mention_count).toBe(3);
    const homes = edges.filter(
      (edge) => edge.source_entity_id === sarah?.id && edge.relation_type === 'lives_in',
    );
    const boston = named(nodes, 'Boston');
    const denver = named(nodes, 'Denver');
    expect(homes.find((edge) => edge.target_entity_id === boston?.id)?.current).toBe(false);
    expect(homes.find((edge) => edge.target_entity_id === denver?.id)?.current).toBe(true);
    expect(named(nodes, 'Paris')).toBeUndefined();
  });

  it('shows the graph as it stood at as_of', async () => {
    const { nodes, edges } = await graph('&as_of=2024-06-01T00:00:00Z');
    expect(named(nodes, 'Denver')).toBeUndefined();
    const boston = named(nodes, 'Boston');
    expect(edges.find((edge) => edge.target_entity_id === boston?.id)?.current).toBe(true);
  });

  it('keeps the most mentioned entities under a limit and says it truncated', async () => {
    const response = await t.app.inject({ url: `/graph?user_id=${user}&limit=1` });
    expect(response.json()).toMatchObject({ truncated: true, edges: [] });
    expect(response.json().nodes.map((node: Node) => node.text)).toEqual(['Sarah']);
  });

  it('answers an empty graph for a scope with nothing', async () => {
    const response = await t.app.inject({ url: '/graph?user_id=nobody' });
    expect(response.json()).toEqual({ nodes: [], edges: [], total_entities: 0, truncated: false });
  });

  it.each(['as_of=yesterday', 'as_of=0000-01-01T00:00:00Z', 'limit=0', 'limit=5001'])(
    'rejects %s with 400',
    async (query) => {
      const response = await t.app.inject({ url: `/graph?user_id=${user}&${query}` });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('invalid_input');
    },
  );
});

describe('GET /entities/{id}/memories', () => {
  it('lists the memories that mention an entity with the mention spans', async () => {
    const boston = named((await graph()).nodes, 'Boston');
    const response = await t.app.inject({
      url: `/entities/${boston?.id}/memories?user_id=${user}`,
    });
    expect(response.statusCode).toBe(200);
    const [first] = response.json().memories;
    const span = first.spans[0];
    expect(first.memory.content.slice(span.start, span.end)).toBe('Boston');
  });

  it('answers 404 for an entity of another scope', async () => {
    const boston = named((await graph()).nodes, 'Boston');
    const response = await t.app.inject({ url: `/entities/${boston?.id}/memories?user_id=other` });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('not_found');
  });
});

describe('GET /memories/{id}/entities', () => {
  it('answers with mentions at their offsets, entities and relationships', async () => {
    const list = await t.app.inject({ url: `/memories?user_id=${user}&limit=1` });
    const memory = list.json().memories[0];
    const response = await t.app.inject({ url: `/memories/${memory.id}/entities?user_id=${user}` });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const denver = body.mentions.find(
      (mention: { mention: string }) => mention.mention === 'Denver',
    );
    expect(memory.content.slice(denver.start, denver.end)).toBe('Denver');
    expect(body.entities.map((entity: Node) => entity.text)).toContain('Sarah');
    expect(body.relationships[0]).toMatchObject({ relation_type: 'lives_in' });
  });

  it('answers 404 for an unknown memory and 400 for a bad id', async () => {
    expect((await t.app.inject({ url: `/memories/${randomUUID()}/entities` })).statusCode).toBe(
      404,
    );
    expect((await t.app.inject({ url: '/memories/nope/entities' })).statusCode).toBe(400);
  });
});

describe('GET /memories with dates', () => {
  it('keeps the memories created in the range', async () => {
    const response = await t.app.inject({
      url: `/memories?user_id=${user}&created_after=2024-01-15T00:00:00Z&created_before=2025-01-01T00:00:00Z`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().memories.map((memory: { content: string }) => memory.content)).toEqual([
      'Sarah works at Microsoft Corp. in Seattle.',
    ]);
  });

  it('rejects a date Postgres cannot store with 400', async () => {
    const response = await t.app.inject({
      url: `/memories?user_id=${user}&created_after=0000-01-01T00:00:00Z`,
    });
    expect(response.statusCode).toBe(400);
  });
});

describe('GET /graph after a merge', () => {
  it('leaves the absorbed entity out', async () => {
    const before = await graph();
    const seattle = named(before.nodes, 'Seattle');
    const boston = named(before.nodes, 'Boston');
    const merged = await t.app.inject({
      method: 'POST',
      url: `/entities/${boston?.id}/merge?user_id=${user}`,
      payload: { from_id: seattle?.id },
    });
    expect(merged.statusCode).toBe(200);
    const after = await graph();
    expect(named(after.nodes, 'Seattle')).toBeUndefined();
    expect(after.total_entities).toBe(before.total_entities - 1);
  });
});
