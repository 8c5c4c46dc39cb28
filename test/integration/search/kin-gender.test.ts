import { beforeAll, describe, expect, it } from 'vitest';
import type { Memory } from '../../../src/domain/memory.js';
import { useTestApp } from '../../support/use-test-app.js';

const t = useTestApp();
const scope = { tenant: 'default', userId: 'sam', agentId: '' };
const said: Record<string, Memory> = {};

async function say(key: string, content: string, at: string) {
  said[key] = (await t.services.writer.add({ content, scope, createdAt: new Date(at) })).memory;
}

// The brother is said last, so recency alone would answer "my sister" with him.
beforeAll(async () => {
  await say('sister', 'My sister Ana lives in Lisbon.', '2025-03-01T09:00:00Z');
  await say('mom', 'My mom Linda works at a bakery.', '2025-03-02T09:00:00Z');
  await say('dad', 'My dad Victor works at the hospital.', '2025-03-03T09:00:00Z');
  await say('brother', 'My brother Tom lives in Denver.', '2025-04-01T09:00:00Z');
});

describe('a relative asked for by a gendered word', () => {
  it('answers "my sister" with the sister, not the brother', async () => {
    const { results } = await t.services.search.recall({
      query: 'Where does my sister live?',
      scope,
    });
    expect(results[0]?.memory.id).toBe(said['sister']?.id);
  });

  it('answers "my brother" with the brother', async () => {
    const { results } = await t.services.search.recall({
      query: 'Where does my brother live now?',
      scope,
    });
    expect(results[0]?.memory.id).toBe(said['brother']?.id);
  });

  it('tells mom from dad', async () => {
    const mom = await t.services.search.recall({ query: 'Where does my mom work?', scope });
    expect(mom.results[0]?.memory.id).toBe(said['mom']?.id);
    const dad = await t.services.search.recall({ query: 'Where does my father work?', scope });
    expect(dad.results[0]?.memory.id).toBe(said['dad']?.id);
  });

  it('keeps both for a word without gender ("my siblings")', async () => {
    const { results } = await t.services.search.recall({
      query: 'Where do my siblings live?',
      scope,
    });
    const top = results.slice(0, 2).map((result) => result.memory.id);
    expect(top).toEqual(expect.arrayContaining([said['sister']?.id, said['brother']?.id]));
  });

  it('keeps the gender on the entity', async () => {
    const { entities } = await t.services.writer.add({
      content: 'My niece Priya starts school in May.',
      scope,
    });
    expect(entities.find((entity) => entity.text === 'Priya')?.attributes['gender']).toBe('female');
  });
});
