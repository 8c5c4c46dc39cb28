import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/use-test-app.js';

const t = useTestApp();
const ids: Record<string, string> = {};

const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload });
const search = async (payload: object) =>
  (await post('/memories/search', { user_id: 'dana', ...payload })).json();

beforeAll(async () => {
  const messages: Array<[string, string, string]> = [
    ['microsoft', 'I work at Microsoft as a designer.', '2025-01-10T09:00:00Z'],
    ['denver', 'I live in Denver with my partner.', '2025-02-01T09:00:00Z'],
    [
      'stripe',
      'Big news: I left Microsoft and joined Stripe as a staff engineer.',
      '2025-08-01T09:00:00Z',
    ],
  ];
  for (const [key, content, created_at] of messages) {
    const body = (await post('/memories', { content, user_id: 'dana', created_at })).json();
    ids[key] = body.memory.id;
  }
});
describe('POST /memories/search when facts change', () => {
  it('puts the memory of the current job first and marks the old one superseded', async () => {
    const body = await search({ query: 'Where do I work?' });
    expect(body.results[0].memory.id).toBe(ids['stripe']);
    const old = body.results.find(
      (r: { memory: { id: string } }) => r.memory.id === ids['microsoft'],
    );
    expect(old.superseded_by).toBe(ids['stripe']);
    const closed = old.relationships.find(
      (r: { relation_type: string }) => r.relation_type === 'works_for',
    );
    expect(closed).toMatchObject({ current: false, valid_to: '2025-08-01T09:00:00.000Z' });
  });

  it('returns the facts about the speaker, each with the value it replaced', async () => {
    const body = await search({ query: 'Where do I work?' });
    const job = body.facts.find(
      (fact: { relation_type: string }) => fact.relation_type === 'works_for',
    );
    expect(job).toMatchObject({
      target: { text: 'Stripe', type: 'ORG' },
      current: true,
      valid_from: '2025-08-01T09:00:00.000Z',
      memory_id: ids['stripe'],
      replaced: { target: { text: 'Microsoft' }, memory_id: ids['microsoft'] },
    });
  });

  it('puts the facts the question asks about first', async () => {
    const job = await search({ query: 'Where do I work?' });
    expect(job.facts[0]).toMatchObject({ relation_type: 'works_for', target: { text: 'Stripe' } });
    const home = await search({ query: 'Where do I live?' });
    expect(home.facts[0]).toMatchObject({ relation_type: 'lives_in', target: { text: 'Denver' } });
  });

  it('answers as things stood at as_of', async () => {
    const body = await search({ query: 'Where do I work?', as_of: '2025-03-01T00:00:00Z' });
    expect(body.results[0].memory.id).toBe(ids['microsoft']);
    expect(body.results.map((r: { memory: { id: string } }) => r.memory.id)).not.toContain(
      ids['stripe'],
    );
    const job = body.facts.find(
      (fact: { relation_type: string }) => fact.relation_type === 'works_for',
    );
    expect(job).toMatchObject({ target: { text: 'Microsoft' }, current: true });
    expect(body.results[0].relationships[0]).toMatchObject({ current: true });
  });

  it('rejects an as_of that is not a date', async () => {
    const response = await post('/memories/search', {
      query: 'x',
      user_id: 'dana',
      as_of: 'last year',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('invalid_input');
  });
});

describe('GET /entities/{id}/relationships with as_of', () => {
  it('lists only the relationships that held then', async () => {
    const [microsoft] = (
      await t.app.inject({ url: '/entities?user_id=dana&name=microsoft' })
    ).json().entities;
    const url = `/entities/${microsoft.id}/relationships?user_id=dana`;
    const all = (await t.app.inject({ url })).json();
    const before = (await t.app.inject({ url: `${url}&as_of=2025-03-01T00:00:00Z` })).json();
    const after = (await t.app.inject({ url: `${url}&as_of=2025-09-01T00:00:00Z` })).json();
    const jobs = (body: { relationships: Array<{ relation_type: string; current: boolean }> }) =>
      body.relationships.filter((r) => r.relation_type === 'works_for');
    expect(jobs(all)).toEqual([expect.objectContaining({ current: false })]);
    expect(jobs(before)).toEqual([expect.objectContaining({ current: true })]);
    expect(jobs(after)).toEqual([]);
  });
});

describe('the OpenAPI document', () => {
  it('documents as_of and the facts section with examples', async () => {
    const spec = (await t.app.inject({ url: '/docs/json' })).json();
    const body = spec.paths['/memories/search'].post.requestBody.content['application/json'].schema;
    expect(body.properties.as_of.example).toBe('2025-05-01T00:00:00Z');
    expect(spec.components.schemas.Fact.example).toMatchObject({ relation_type: 'works_for' });
    expect(spec.components.schemas.SearchResponse.properties.facts).toBeDefined();
  });
});

describe('one node per person, place or pet across turns', () => {
  it('follows "my sister" to the sister named before, so her move updates her home', async () => {
    const add = (content: string, created_at: string) =>
      post('/memories', { content, user_id: 'lena', created_at });
    await add('My sister Ana lives in Lisbon.', '2025-01-20T09:00:00Z');
    await add('My sister just moved from Lisbon to Berlin for a job.', '2025-09-10T09:00:00Z');
    const found = (await t.app.inject({ url: '/entities?user_id=lena&name=Ana' })).json();
    const ana = found.entities.find((e: { text: string }) => e.text === 'Ana');
    expect(ana.aliases).toContain("lena's sister");
    const all = (await t.app.inject({ url: '/entities?user_id=lena&limit=50' })).json();
    const texts = all.entities.map((e: { text: string }) => e.text.toLowerCase());
    expect(texts).not.toContain("lena's sister");
    const url = `/entities/${ana.id}/relationships?user_id=lena`;
    const edges = (await t.app.inject({ url })).json();
    const names = new Map(
      edges.entities.map((e: { id: string; text: string }) => [e.id, e.text] as const),
    );
    const homes = edges.relationships
      .filter((r: { relation_type: string; current: boolean }) => r.relation_type === 'lives_in')
      .map((r: { target_entity_id: string; current: boolean }) => ({
        city: names.get(r.target_entity_id),
        current: r.current,
      }));
    expect(homes).toEqual(
      expect.arrayContaining([
        { city: 'Berlin', current: true },
        { city: 'Lisbon', current: false },
      ]),
    );
  });

  it('reads a short name of a stored institution as that institution ("Mercy General")', async () => {
    const add = (content: string, created_at: string) =>
      post('/memories', { content, user_id: 'nora', created_at });
    await add('I work as a nurse at Mercy General Hospital.', '2025-01-05T09:00:00Z');
    await add('I quit Mercy General and started at Kaiser Permanente!', '2025-03-20T09:00:00Z');
    const all = (await t.app.inject({ url: '/entities?user_id=nora&type=ORG&limit=50' })).json();
    const texts = all.entities.map((e: { text: string }) => e.text);
    expect(texts).toEqual(expect.arrayContaining(['Mercy General Hospital', 'Kaiser Permanente']));
    expect(texts).not.toContain('Mercy General');
    const hospital = all.entities.find(
      (e: { text: string }) => e.text === 'Mercy General Hospital',
    );
    expect(hospital.aliases).toContain('Mercy General');
  });

  it('keeps a pet one node when later turns talk about it as about a person', async () => {
    const add = (content: string, created_at: string) =>
      post('/memories', { content, user_id: 'ivo', created_at });
    await add('We adopted a puppy called Rufus, he is a beagle.', '2025-05-01T09:00:00Z');
    await add('Rufus is such a good boy', '2025-05-03T09:00:00Z');
    await add('took Rufus to the vet, he is fine', '2025-05-09T09:00:00Z');
    const found = (await t.app.inject({ url: '/entities?user_id=ivo&name=Rufus' })).json();
    const rufus = found.entities.filter((e: { text: string }) => e.text === 'Rufus');
    expect(rufus).toHaveLength(1);
    expect(rufus[0]).toMatchObject({ type: 'MISC', attributes: { species: 'dog' } });
    const url = `/entities/${rufus[0].id}/memories?user_id=ivo`;
    expect((await t.app.inject({ url })).json().memories).toHaveLength(3);
  });
});

describe('a move told the same day as the old address, dated "last month"', () => {
  it('answers with the new city: the newer message wins over the undated older one', async () => {
    const say = (content: string, created_at: string) =>
      post('/memories', { content, user_id: 'omar', created_at });
    const chicago = (
      await say('My brother Karim lives in Chicago with his wife Dana.', '2025-12-01T10:00:00Z')
    ).json();
    const austin = (
      await say('Karim and Dana moved from Chicago to Austin last month.', '2025-12-01T10:05:00Z')
    ).json();
    const body = (
      await post('/memories/search', { query: 'Where does my brother live now?', user_id: 'omar' })
    ).json();
    expect(body.results[0].memory.id).toBe(austin.memory.id);
    const homes = body.facts.filter(
      (fact: { relation_type: string; source: { text: string } }) =>
        fact.relation_type === 'lives_in' && fact.source.text === 'Karim',
    );
    expect(homes).toEqual([
      expect.objectContaining({ target: expect.objectContaining({ text: 'Austin' }) }),
    ]);
    const closed = body.results
      .find((r: { memory: { id: string } }) => r.memory.id === chicago.memory.id)
      ?.relationships.find((r: { relation_type: string }) => r.relation_type === 'lives_in');
    expect(closed).toMatchObject({ current: false, valid_to: '2025-11-01T00:00:00.000Z' });
  });
});
