import { beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../support/test-databases.js';
import { useTestApp } from '../support/use-test-app.js';

interface EntityBody {
  id: string;
  text: string;
  type: string;
  aliases: string[];
  mention_count: number;
}
interface EdgeBody {
  source_entity_id: string;
  target_entity_id: string;
  relation_type: string;
  current: boolean;
}

describe.each(DATABASE_KINDS)('graph corrections on %s', (kind) => {
  const t = useTestApp({ database: kind });
  const user = 'merge-user';
  const ids: Record<string, string> = {};

  const add = (content: string) =>
    t.app.inject({ method: 'POST', url: '/memories', payload: { content, user_id: user } });
  const entityNamed = async (name: string): Promise<EntityBody> => {
    const response = await t.app.inject({
      url: `/entities?user_id=${user}&name=${encodeURIComponent(name)}`,
    });
    const found = response.json().entities.find((e: EntityBody) => e.text === name);
    if (!found) throw new Error(`no entity ${name}`);
    return found;
  };
  const edgesOf = async (id: string): Promise<EdgeBody[]> =>
    (await t.app.inject({ url: `/entities/${id}/relationships?user_id=${user}` })).json()
      .relationships;

  beforeAll(async () => {
    for (const content of [
      'Sam Carter works at Google.',
      'Sammy works at Google.',
      'Sammy lives in Boston.',
      'Ana is married to Sammy.',
      'Sam Carter is married to Ana.',
    ])
      expect((await add(content)).statusCode).toBe(201);
    for (const name of ['Sam Carter', 'Sammy', 'Ana', 'Google', 'Boston'])
      ids[name] = (await entityNamed(name)).id;
  });

  it('merges mentions, aliases and edges in both directions, collapsing the duplicate', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/entities/${ids['Sam Carter']}/merge`,
      payload: { from_id: ids['Sammy'], user_id: user },
    });
    expect(response.statusCode).toBe(200);
    const { entity, merge } = response.json();
    expect(entity).toMatchObject({ id: ids['Sam Carter'], mention_count: 5 });
    expect(entity.aliases).toContain('Sammy');
    expect(merge).toMatchObject({ relationships_collapsed: 1, relationships_moved: 2 });
    const edges = (await edgesOf(ids['Sam Carter'] as string)).map((edge) => [
      edge.source_entity_id,
      edge.relation_type,
      edge.target_entity_id,
      edge.current,
    ]);
    const sam = ids['Sam Carter'];
    expect(edges).toEqual(
      expect.arrayContaining([
        [sam, 'works_for', ids['Google'], true],
        [sam, 'lives_in', ids['Boston'], true],
        [sam, 'spouse_of', ids['Ana'], true],
        [ids['Ana'], 'spouse_of', sam, true],
      ]),
    );
    expect(edges).toHaveLength(4);
  });

  it('answers the absorbed id with a pointer to the survivor', async () => {
    const read = await t.app.inject({ url: `/entities/${ids['Sammy']}?user_id=${user}` });
    expect(read.statusCode).toBe(301);
    expect(read.headers.location).toBe(`/entities/${ids['Sam Carter']}?user_id=${user}`);
    expect(read.json().merged_into).toBe(ids['Sam Carter']);
    const write = await t.app.inject({
      method: 'PATCH',
      url: `/entities/${ids['Sammy']}?user_id=${user}`,
      payload: { name: 'Sam' },
    });
    expect(write.statusCode).toBe(409);
    expect(write.json()).toMatchObject({ code: 'conflict', merged_into: ids['Sam Carter'] });
  });

  it('records the merge in both histories', async () => {
    const survivor = await t.app.inject({
      url: `/entities/${ids['Sam Carter']}/history?user_id=${user}`,
    });
    expect(survivor.json().history.map((e: { event: string }) => e.event)).toEqual(['merge']);
    const absorbed = await t.app.inject({
      url: `/entities/${ids['Sammy']}/history?user_id=${user}`,
    });
    expect(absorbed.json().history[0]).toMatchObject({
      event: 'merged_into',
      details: { survivor_id: ids['Sam Carter'] },
    });
  });

  it('resolves a later mention of the absorbed name to the survivor', async () => {
    const response = await add('Sammy lives in Boston near the river.');
    expect(response.statusCode).toBe(201);
    const people = response.json().entities.filter((e: EntityBody) => e.type === 'PERSON');
    expect(people.map((e: EntityBody) => e.id)).toEqual([ids['Sam Carter']]);
    const found = await t.app.inject({ url: `/entities?user_id=${user}&name=sammy` });
    expect(found.json().entities.map((e: EntityBody) => e.id)).toEqual([ids['Sam Carter']]);
  });

  it('repeating a finished merge moves nothing', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/entities/${ids['Sam Carter']}/merge?user_id=${user}`,
      payload: { absorb_id: ids['Sammy'] },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().merge).toMatchObject({ mentions_moved: 0, relationships_moved: 0 });
  });

  it('renames with the old name kept as an alias that still resolves here', async () => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/entities/${ids['Sam Carter']}`,
      payload: { name: 'Samuel Carter', add_aliases: ['Sam'], user_id: user },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().entity.text).toBe('Samuel Carter');
    expect(response.json().entity.aliases).toEqual(expect.arrayContaining(['Sam Carter', 'Sam']));
    const later = await add('Sam Carter likes green tea.');
    const people = later.json().entities.filter((e: EntityBody) => e.type === 'PERSON');
    expect(people.map((e: EntityBody) => e.id)).toEqual([ids['Sam Carter']]);
  });

  it('refuses a rename onto another entity with 409', async () => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/entities/${ids['Sam Carter']}?user_id=${user}`,
      payload: { name: 'Ana' },
    });
    expect(response.json()).toMatchObject({ code: 'conflict' });
    expect(response.statusCode).toBe(409);
  });

  it('removes an alias', async () => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/entities/${ids['Sam Carter']}?user_id=${user}`,
      payload: { remove_aliases: ['Sam'] },
    });
    expect(response.json().entity.aliases).not.toContain('Sam');
  });

  it('deletes an entity with its edges and mentions, keeping the memories', async () => {
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/entities/${ids['Boston']}?user_id=${user}`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ deleted: true, mentions_removed: 2 });
    expect(
      (await t.app.inject({ url: `/entities/${ids['Boston']}?user_id=${user}` })).statusCode,
    ).toBe(404);
    const edges = await edgesOf(ids['Sam Carter'] as string);
    expect(edges.some((edge) => edge.relation_type === 'lives_in')).toBe(false);
    const memories = await t.app.inject({ url: `/memories?user_id=${user}&limit=50` });
    expect(memories.json().memories).toHaveLength(7);
  });

  it('rejects bad bodies and other scopes', async () => {
    const self = await t.app.inject({
      method: 'POST',
      url: `/entities/${ids['Ana']}/merge?user_id=${user}`,
      payload: { from_id: ids['Ana'] },
    });
    expect(self.statusCode).toBe(400);
    const neither = await t.app.inject({
      method: 'POST',
      url: `/entities/${ids['Ana']}/merge?user_id=${user}`,
      payload: {},
    });
    expect(neither.statusCode).toBe(400);
    const empty = await t.app.inject({
      method: 'PATCH',
      url: `/entities/${ids['Ana']}?user_id=${user}`,
      payload: {},
    });
    expect(empty.statusCode).toBe(400);
    const elsewhere = await t.app.inject({
      method: 'DELETE',
      url: `/entities/${ids['Ana']}?user_id=someone-else`,
    });
    expect(elsewhere.statusCode).toBe(404);
  });
});
