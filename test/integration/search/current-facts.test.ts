import { beforeAll, describe, expect, it } from 'vitest';
import type { Memory } from '../../../src/domain/memory.js';
import { useTestApp } from '../../support/use-test-app.js';

const t = useTestApp();
const scope = { tenant: 'default', userId: 'sam', agentId: '' };
const said: Record<string, Memory> = {};

async function say(key: string, content: string, at: string) {
  said[key] = (await t.services.writer.add({ content, scope, createdAt: new Date(at) })).memory;
}

beforeAll(async () => {
  await say('microsoft', 'I work at Microsoft as a designer.', '2025-01-10T09:00:00Z');
  await say(
    'lunch',
    'I had a great ramen lunch with the design team today.',
    '2025-02-03T12:00:00Z',
  );
  await say('seattle', 'I live in Seattle, close to the office.', '2025-02-10T09:00:00Z');
  await say(
    'stripe',
    'Big news: I left Microsoft and joined Stripe as a staff engineer.',
    '2025-09-01T09:00:00Z',
  );
  await say('portland', 'I now live in Portland.', '2025-10-01T09:00:00Z');
  await say('sister', 'My sister Sarah is a nurse.', '2025-03-01T09:00:00Z');
  await say('denver', 'Sarah moved to Denver.', '2025-11-01T09:00:00Z');
  await say('priya', 'My manager is Priya Shah, she runs the design team.', '2025-01-12T09:00:00Z');
  await say('karen', 'My new boss Karen Miller started this week.', '2025-09-08T09:00:00Z');
  await say('biscuit', 'Our dog Biscuit is a golden retriever.', '2025-04-01T09:00:00Z');
  await say('whiskers', 'I adopted a cat named Whiskers today.', '2025-10-20T09:00:00Z');
  await say('kiwi', 'I have a parakeet named Kiwi.', '2025-06-01T09:00:00Z');
});
const ids = (results: ReadonlyArray<{ memory: Memory }>) => results.map((r) => r.memory.id);

describe('search prefers current facts', () => {
  it('answers "where do I work" with the memory of the current job', async () => {
    const { results } = await t.services.search.recall({ query: 'Where do I work?', scope });
    expect(results[0]?.memory.id).toBe(said['stripe']?.id);
    const old = results.find((result) => result.memory.id === said['microsoft']?.id);
    expect(old?.supersededBy).toBe(said['stripe']?.id);
  });

  it('answers "where do I live now" with the newer home', async () => {
    const { results } = await t.services.search.recall({ query: 'Where do I live now?', scope });
    expect(ids(results).indexOf(said['portland']?.id ?? '')).toBeLessThan(
      ids(results).indexOf(said['seattle']?.id ?? ''),
    );
    expect(results[0]?.memory.id).toBe(said['portland']?.id);
  });

  it('keeps the old memory first when the question names the old value', async () => {
    const { results } = await t.services.search.recall({
      query: 'When did I work at Microsoft?',
      scope,
    });
    expect(results[0]?.memory.id).toBe(said['microsoft']?.id);
    expect(results[0]?.supersededBy).toBeUndefined();
  });

  it('returns the current facts of the speaker with the value each replaced', async () => {
    const { facts } = await t.services.search.recall({ query: 'Where do I work?', scope });
    const work = facts.find((fact) => fact.relationship.relationType === 'works_for');
    expect(work).toMatchObject({ current: true, target: { text: 'Stripe' } });
    expect(work?.relationship.memoryId).toBe(said['stripe']?.id);
    expect(work?.replaced?.target?.text).toBe('Microsoft');
    const jobs = facts.filter((fact) => fact.relationship.relationType === 'works_for');
    expect(jobs.map((fact) => fact.target.text)).toEqual(['Stripe']);
  });

  it('answers as things stood at an earlier time with as_of', async () => {
    const asOf = new Date('2025-05-01T00:00:00Z');
    const { results, facts } = await t.services.search.recall({
      query: 'Where do I work?',
      scope,
      asOf,
    });
    expect(results[0]?.memory.id).toBe(said['microsoft']?.id);
    expect(ids(results)).not.toContain(said['stripe']?.id);
    expect(facts.find((fact) => fact.relationship.relationType === 'works_for')?.target.text).toBe(
      'Microsoft',
    );
  });

  it('follows "my sister" to the sister and answers with her facts', async () => {
    const { results, facts } = await t.services.search.recall({
      query: 'Where does my sister live now?',
      scope,
    });
    expect(results[0]?.memory.id).toBe(said['denver']?.id);
    const home = facts.find(
      (fact) => fact.source.text === 'Sarah' && fact.relationship.relationType === 'lives_in',
    );
    expect(home?.target.text).toBe('Denver');
  });

  it('answers a question about how things were with the value that ended', async () => {
    const { results } = await t.services.search.recall({ query: 'Who was my manager?', scope });
    expect(results[0]?.memory.id).toBe(said['priya']?.id);
    const now = await t.services.search.recall({ query: 'Who is my manager?', scope });
    expect(now.results[0]?.memory.id).toBe(said['karen']?.id);
  });

  it('answers "my dog" with the dog, not the newest pet', async () => {
    const dog = await t.services.search.recall({ query: "What's my dog's name?", scope });
    expect(dog.results[0]?.memory.id).toBe(said['biscuit']?.id);
    const bird = await t.services.search.recall({ query: "What's my bird called?", scope });
    expect(bird.results[0]?.memory.id).toBe(said['kiwi']?.id);
    const cat = await t.services.search.recall({ query: 'What is our cat called?', scope });
    expect(cat.results[0]?.memory.id).toBe(said['whiskers']?.id);
  });

  it('answers "what is my sister\'s name" with the memory that names her', async () => {
    const { results } = await t.services.search.recall({
      query: "What's my sister's name?",
      scope,
    });
    expect(results[0]?.memory.id).toBe(said['sister']?.id);
  });
});
