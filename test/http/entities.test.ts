import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/use-test-app.js';

const t = useTestApp();
const user = 'graph-user';

beforeAll(async () => {
  for (const [content, created_at] of [
    ['My sister Sarah lives in Boston.', '2024-01-01T00:00:00Z'],
    ['Sarah works at Microsoft Corp. in Seattle.', '2024-02-01T00:00:00Z'],
    ['Sarah moved and now lives in Denver.', '2025-03-01T00:00:00Z'],
  ]) {
    await t.app.inject({
      method: 'POST',
      url: '/memories',
      payload: { content, user_id: user, created_at },
    });
  }
});
async function findEntity(name: string) {
  const response = await t.app.inject({
    url: `/entities?user_id=${user}&name=${encodeURIComponent(name)}`,
  });
  expect(response.statusCode).toBe(200);
  return response.json().entities[0];
}

describe('GET /entities', () => {
  it('finds one canonical entity per name with its mention count', async () => {
    const sarah = await findEntity('sarah');
    expect(sarah).toMatchObject({ text: 'Sarah', type: 'PERSON', mention_count: 3 });
  });

  it('filters by type', async () => {
    const response = await t.app.inject({ url: `/entities?user_id=${user}&type=LOCATION` });
    const names = response
      .json()
      .entities.map((e: { text: string }) => e.text)
      .sort();
    expect(names).toEqual(expect.arrayContaining(['Boston', 'Denver', 'Seattle']));
    expect(response.json().entities.every((e: { type: string }) => e.type === 'LOCATION')).toBe(
      true,
    );
  });

  it('rejects an unknown type with 400', async () => {
    expect((await t.app.inject({ url: '/entities?type=ALIEN' })).statusCode).toBe(400);
  });
});

describe('GET /entities/{id}', () => {
  it('answers with aliases and mention count', async () => {
    const microsoft = await findEntity('microsoft');
    const response = await t.app.inject({ url: `/entities/${microsoft.id}?user_id=${user}` });
    expect(response.statusCode).toBe(200);
    expect(response.json().entity).toMatchObject({ type: 'ORG', mention_count: 1 });
  });

  it('answers 404 for an unknown entity', async () => {
    const response = await t.app.inject({ url: `/entities/${randomUUID()}?user_id=${user}` });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('not_found');
  });
});

describe('GET /entities/{id}/relationships', () => {
  it('lists current and closed relationships with their validity', async () => {
    const sarah = await findEntity('sarah');
    const response = await t.app.inject({
      url: `/entities/${sarah.id}/relationships?user_id=${user}`,
    });
    expect(response.statusCode).toBe(200);
    const { relationships, entities } = response.json();
    const name = (id: string) => entities.find((e: { id: string }) => e.id === id)?.text;
    const livesIn = relationships
      .filter((r: { relation_type: string }) => r.relation_type === 'lives_in')
      .map((r: { target_entity_id: string; current: boolean; valid_to: string | null }) => [
        name(r.target_entity_id),
        r.current,
        r.valid_to,
      ]);
    expect(livesIn).toEqual(
      expect.arrayContaining([
        ['Boston', false, '2025-03-01T00:00:00.000Z'],
        ['Denver', true, null],
      ]),
    );
    expect(
      relationships.some(
        (r: { source_entity_id: string; target_entity_id: string }) =>
          r.target_entity_id === sarah.id,
      ),
    ).toBe(true);
  });
});

describe('GET /entities/{id}/graph', () => {
  it('returns nodes and edges within the depth', async () => {
    const boston = await findEntity('boston');
    const one = (
      await t.app.inject({ url: `/entities/${boston.id}/graph?user_id=${user}&depth=1` })
    ).json();
    const two = (
      await t.app.inject({ url: `/entities/${boston.id}/graph?user_id=${user}&depth=2` })
    ).json();
    expect(one.nodes.map((n: { text: string }) => n.text)).toContain('Sarah');
    expect(two.nodes.length).toBeGreaterThan(one.nodes.length);
    expect(two.nodes.map((n: { text: string }) => n.text)).toEqual(
      expect.arrayContaining(['Denver']),
    );
  });

  it('rejects depth outside 1..3', async () => {
    const boston = await findEntity('boston');
    const response = await t.app.inject({
      url: `/entities/${boston.id}/graph?user_id=${user}&depth=4`,
    });
    expect(response.statusCode).toBe(400);
  });
});
