import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/use-test-app.js';

const t = useTestApp();
let memoryId: string;
let entityIds: string[];

beforeAll(async () => {
  const created = (
    await t.app.inject({
      method: 'POST',
      url: '/memories',
      payload: { content: 'My brother Kofi works at Spotify in Stockholm.', user_id: 'alice' },
    })
  ).json();
  memoryId = created.memory.id;
  entityIds = created.entities.map((e: { id: string }) => e.id);
});
describe.each([
  ['another user', '?user_id=mallory'],
  ['no user', ''],
  ['the same user under another agent', '?user_id=alice&agent_id=other'],
])('%s', (_name, query) => {
  it('cannot read, list the history of, or delete the memory', async () => {
    expect((await t.app.inject({ url: `/memories/${memoryId}${query}` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/memories/${memoryId}/history${query}` })).statusCode).toBe(
      404,
    );
    // A delete that names no user or agent is refused before any lookup (scope is required).
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/memories/${memoryId}${query}` })).statusCode,
    ).toBe(query === '' ? 400 : 404);
  });

  it('cannot read the entities or their relationships', async () => {
    for (const id of entityIds) {
      expect((await t.app.inject({ url: `/entities/${id}${query}` })).statusCode).toBe(404);
      expect(
        (await t.app.inject({ url: `/entities/${id}/relationships${query}` })).statusCode,
      ).toBe(404);
      expect((await t.app.inject({ url: `/entities/${id}/graph${query}` })).statusCode).toBe(404);
    }
    const listed = (await t.app.inject({ url: `/entities${query}` })).json().entities;
    expect(listed.filter((e: { id: string }) => entityIds.includes(e.id))).toEqual([]);
  });
});

it('another user cannot update the memory', async () => {
  const response = await t.app.inject({
    method: 'PATCH',
    url: `/memories/${memoryId}`,
    payload: { content: 'hacked', user_id: 'mallory' },
  });
  expect(response.statusCode).toBe(404);
});

it('another user never finds the memory by search', async () => {
  for (const query of ['Kofi', 'Where does my brother work?', 'Spotify Stockholm']) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/memories/search',
      payload: { query, user_id: 'mallory' },
    });
    expect(response.json().results).toEqual([]);
  }
});

it('the owner still sees everything afterwards', async () => {
  const response = await t.app.inject({ url: `/memories/${memoryId}?user_id=alice` });
  expect(response.json().memory.content).toBe('My brother Kofi works at Spotify in Stockholm.');
});
