import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/use-test-app.js';

const t = useTestApp();

const post = (url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, payload: payload as object });

describe('POST /memories', () => {
  it('stores a memory with its entities and relationships', async () => {
    const response = await post('/memories', {
      content: 'My sister Sarah lives in Boston and works at Google.',
      user_id: 'alice',
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.created).toBe(true);
    expect(body.memory).toMatchObject({
      user_id: 'alice',
      memory_type: 'ephemeral',
      agent_id: null,
    });
    expect(body.entities.map((e: { text: string }) => e.text)).toEqual(
      expect.arrayContaining(['Sarah', 'Boston', 'Google']),
    );
    expect(body.relationships.map((r: { relation_type: string }) => r.relation_type)).toEqual(
      expect.arrayContaining(['lives_in']),
    );
  });

  it('returns the existing memory for identical content in the same scope', async () => {
    const first = await post('/memories', {
      content: 'I adopted a cat named Miso.',
      user_id: 'dedup',
    });
    const second = await post('/memories', {
      content: '  I adopted a cat named Miso.  ',
      user_id: 'dedup',
    });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ created: false, memory: { id: first.json().memory.id } });
  });

  it('answers a duplicate add with the stored memory entities and relationships', async () => {
    const content = 'My sister Sarah lives in Boston and works at Google.';
    const first = (await post('/memories', { content, user_id: 'dedup-graph' })).json();
    const second = (await post('/memories', { content, user_id: 'dedup-graph' })).json();
    const names = (body: { entities: Array<{ text: string }> }) =>
      body.entities.map((entity) => entity.text).sort();
    const types = (body: { relationships: Array<{ relation_type: string }> }) =>
      body.relationships.map((edge) => edge.relation_type).sort();
    expect(first.relationships.length).toBeGreaterThan(0);
    expect(second.created).toBe(false);
    expect(names(second)).toEqual(names(first));
    expect(types(second)).toEqual(types(first));
  });

  it('answers a duplicate add of a chunked memory with the entities of every chunk', async () => {
    const sentences = Array.from(
      { length: 12 },
      (_, index) =>
        `On day ${index + 1} Nadia Petrova met Omar Haddad in Lisbon to plan the launch.`,
    );
    const content = `${sentences.join(' ')} Finally Nadia flew to Tokyo.`;
    const first = (await post('/memories', { content, user_id: 'dedup-chunks' })).json();
    const second = (await post('/memories', { content, user_id: 'dedup-chunks' })).json();
    expect(first.chunks).toBeGreaterThan(1);
    const names = (body: { entities: Array<{ text: string }> }) =>
      body.entities.map((entity) => entity.text).sort();
    expect(names(second)).toEqual(names(first));
    expect(names(second)).toEqual(expect.arrayContaining(['Lisbon', 'Tokyo']));
  });

  it('keeps a given created_at and metadata', async () => {
    const response = await post('/memories', {
      content: 'We met at the Louvre.',
      user_id: 'dates',
      created_at: '2023-05-01T10:00:00Z',
      metadata: { source: 'import', turn: 3 },
    });
    expect(response.json().memory).toMatchObject({
      created_at: '2023-05-01T10:00:00.000Z',
      metadata: { source: 'import', turn: 3 },
    });
  });

  it('splits a long memory into chunks that keep their parent', async () => {
    const sentences = Array.from(
      { length: 30 },
      (_, i) => `Sentence number ${i} talks about the weather in Lisbon today.`,
    );
    const response = await post('/memories', { content: sentences.join(' '), user_id: 'chunky' });
    expect(response.statusCode).toBe(201);
    const { memory, chunks } = response.json();
    expect(chunks).toBeGreaterThan(1);
    const read = (await t.app.inject({ url: `/memories/${memory.id}?user_id=chunky` })).json();
    expect(read.chunks).toHaveLength(chunks);
    expect(read.chunks.every((chunk: { parent_id: string }) => chunk.parent_id === memory.id)).toBe(
      true,
    );
    expect(read.chunks.map((chunk: { content: string }) => chunk.content).join(' ')).toBe(
      memory.content,
    );
  });

  it.each([
    ['empty content', { content: '' }],
    ['whitespace content', { content: '   ' }],
    ['an unknown field', { content: 'x', colour: 'red' }],
    ['a bad memory_type', { content: 'x', memory_type: 'forever' }],
    ['a bad created_at', { content: 'x', created_at: 'yesterday' }],
  ])('rejects %s with 400 invalid_input', async (_name, payload) => {
    const response = await post('/memories', payload);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid_input', message: expect.any(String) });
  });

  it('rejects malformed JSON with 400', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/memories',
      headers: { 'content-type': 'application/json' },
      payload: '{"content":',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('invalid_input');
  });

  it('rejects a body over the limit with 413', async () => {
    const response = await post('/memories', { content: 'a'.repeat(1_100_000) });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('payload_too_large');
  });
});

describe('POST /memories/batch', () => {
  it('reports each item on its own and one bad item does not sink the rest', async () => {
    const response = await post('/memories/batch', {
      items: [
        { content: 'Tom works at Apple.', user_id: 'batch' },
        { content: '' },
        { content: 'Tom works at Apple.', user_id: 'batch' },
        42,
      ],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().results.map((r: { status: string }) => r.status)).toEqual([
      'created',
      'error',
      'duplicate',
      'error',
    ]);
    expect(response.json().results[1].error.code).toBe('invalid_input');
  });

  it('rejects more than 1,000 items', async () => {
    const response = await post('/memories/batch', {
      items: Array.from({ length: 1001 }, () => ({ content: 'x' })),
    });
    expect(response.statusCode).toBe(400);
  });
});

describe('GET, PATCH, DELETE /memories/{id} and history', () => {
  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await t.app.inject({ url: `/memories/${randomUUID()}` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/memories/not-a-uuid' })).json()).toMatchObject({
      code: 'invalid_input',
    });
  });

  it('updates content, re-extracts entities and records history', async () => {
    const created = (
      await post('/memories', { content: 'Priya lives in Chicago.', user_id: 'upd' })
    ).json();
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/memories/${created.memory.id}`,
      payload: { content: 'Priya lives in Denver.', user_id: 'upd' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().memory.content).toBe('Priya lives in Denver.');
    const search = (await post('/memories/search', { query: 'Denver', user_id: 'upd' })).json();
    expect(search.results[0].memory.id).toBe(created.memory.id);
    expect(search.results[0].entities.map((e: { text: string }) => e.text)).toContain('Denver');
    const history = (
      await t.app.inject({ url: `/memories/${created.memory.id}/history?user_id=upd` })
    ).json();
    expect(history.events.map((e: { event: string }) => e.event)).toEqual(['add', 'update']);
    expect(history.events[1]).toMatchObject({
      old_content: 'Priya lives in Chicago.',
      new_content: 'Priya lives in Denver.',
    });
  });

  it('answers 409 when an update would duplicate another memory in the scope', async () => {
    await post('/memories', { content: 'Yuki plays the cello.', user_id: 'conflict' });
    const other = (
      await post('/memories', { content: 'Yuki plays the piano.', user_id: 'conflict' })
    ).json();
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/memories/${other.memory.id}`,
      payload: { content: 'Yuki plays the cello.', user_id: 'conflict' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('conflict');
    expect(
      (await t.app.inject({ url: `/memories/${other.memory.id}?user_id=conflict` })).json().memory
        .content,
    ).toBe('Yuki plays the piano.');
  });

  it('rejects an empty PATCH body', async () => {
    const created = (
      await post('/memories', { content: 'A note to patch.', user_id: 'upd2' })
    ).json();
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/memories/${created.memory.id}`,
      payload: {},
    });
    expect(response.statusCode).toBe(400);
  });

  it('deletes a memory, its vectors and the entities only it mentioned', async () => {
    const created = (
      await post('/memories', { content: 'Zanzibar Ventures hired Olga.', user_id: 'del' })
    ).json();
    const entityIds = created.entities.map((e: { id: string }) => e.id);
    const vectorsBefore = await t.vectors.count();
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/memories/${created.memory.id}?user_id=del`,
    });
    expect(response.statusCode).toBe(204);
    expect(
      (await t.app.inject({ url: `/memories/${created.memory.id}?user_id=del` })).statusCode,
    ).toBe(404);
    expect(await t.vectors.count()).toBe(vectorsBefore - 1);
    for (const id of entityIds)
      expect((await t.app.inject({ url: `/entities/${id}?user_id=del` })).statusCode).toBe(404);
    const history = (
      await t.app.inject({ url: `/memories/${created.memory.id}/history?user_id=del` })
    ).json();
    expect(history.events.map((e: { event: string }) => e.event)).toEqual(['add', 'delete']);
  });
});

describe('POST /memories/search', () => {
  it('finds memories with entity context and honours filters', async () => {
    await post('/memories', {
      content: 'Marco studies at Stanford University.',
      user_id: 'searcher',
      session_id: 's1',
      metadata: { topic: 'school' },
    });
    await post('/memories', {
      content: 'Marco bought a red bicycle.',
      user_id: 'searcher',
      session_id: 's2',
      memory_type: 'model_memory',
    });
    const all = (
      await post('/memories/search', { query: 'Where does Marco study?', user_id: 'searcher' })
    ).json();
    expect(all.results[0].memory.content).toBe('Marco studies at Stanford University.');
    expect(all.results[0].score).toBeGreaterThan(0);
    expect(all.results[0].score).toBeLessThanOrEqual(1);
    const typed = (
      await post('/memories/search', {
        query: 'Marco',
        user_id: 'searcher',
        memory_type: 'model_memory',
      })
    ).json();
    expect(typed.results.map((r: { memory: { content: string } }) => r.memory.content)).toEqual([
      'Marco bought a red bicycle.',
    ]);
    const byMeta = (
      await post('/memories/search', {
        query: 'Marco',
        user_id: 'searcher',
        metadata: { topic: 'school' },
      })
    ).json();
    expect(byMeta.results).toHaveLength(1);
    const late = (
      await post('/memories/search', {
        query: 'Marco',
        user_id: 'searcher',
        created_after: '2999-01-01T00:00:00Z',
      })
    ).json();
    expect(late.results).toEqual([]);
  });

  it('applies top_k and score_threshold', async () => {
    for (const food of ['sushi', 'ramen', 'tacos'])
      await post('/memories', { content: `Lena loves ${food}.`, user_id: 'topk' });
    expect(
      (
        await post('/memories/search', {
          query: 'What food does Lena love?',
          user_id: 'topk',
          top_k: 2,
        })
      ).json().results,
    ).toHaveLength(2);
    expect(
      (
        await post('/memories/search', {
          query: 'What food does Lena love?',
          user_id: 'topk',
          score_threshold: 1,
        })
      ).json().results.length,
    ).toBeLessThanOrEqual(1);
  });

  it('rejects a missing query', async () => {
    expect((await post('/memories/search', { user_id: 'x' })).statusCode).toBe(400);
  });
});
