import { describe, expect, it } from 'vitest';
import { ScopeVocabulary } from '../../../src/services/search/scope-vocabulary.js';
import { testEmbedder } from '../../support/test-app.js';
import { useTestApp } from '../../support/use-test-app.js';

const t = useTestApp();

async function add(userId: string, contents: readonly string[]) {
  await t.services.writer.addMany(
    contents.map((content) => ({ content, scope: { tenant: 'default', userId, agentId: '' } })),
  );
}

describe('ScopeVocabulary', () => {
  it("counts the scope's own words: its speaker's name is common there, rare words are not", async () => {
    await add(
      'vocabulary-a',
      Array.from({ length: 20 }, (_, index) => `Caroline: topic ${index} and more`),
    );
    await add('vocabulary-a', ['Caroline: I made a ceramic bowl']);
    const vocabulary = await new ScopeVocabulary(t.store.memories, await testEmbedder()).of({
      tenant: 'default',
      userId: 'vocabulary-a',
      agentId: '',
    });
    expect(vocabulary.statistics.documents).toBe(21);
    expect(vocabulary.statistics.inverseDocumentFrequency('ceramic')).toBeGreaterThan(
      vocabulary.statistics.inverseDocumentFrequency('caroline'),
    );
    expect(vocabulary.weightOf('caroline')).toBeLessThan(vocabulary.weightOf('ceramic'));
    expect(vocabulary.common?.length).toBe(100);
  });

  it('keeps other scopes out', async () => {
    await add('vocabulary-b', ['Only this one memory']);
    const vocabulary = await new ScopeVocabulary(t.store.memories, await testEmbedder()).of({
      tenant: 'default',
      userId: 'vocabulary-b',
      agentId: '',
    });
    expect(vocabulary.statistics.documents).toBe(1);
    expect(vocabulary.statistics.documentFrequency('caroline')).toBe(0);
  });

  it('counts again only once the scope has grown by more than a tenth', async () => {
    const scope = { tenant: 'default', userId: 'vocabulary-c', agentId: '' };
    await add(
      'vocabulary-c',
      Array.from({ length: 100 }, (_, index) => `note number ${index}`),
    );
    const vocabularies = new ScopeVocabulary(t.store.memories, await testEmbedder());
    const first = await vocabularies.of(scope);
    await add('vocabulary-c', ['one more note']);
    expect(await vocabularies.of(scope)).toBe(first);
    await add(
      'vocabulary-c',
      Array.from({ length: 20 }, (_, index) => `later note ${index}`),
    );
    const recounted = await vocabularies.of(scope);
    expect(recounted).not.toBe(first);
    expect(recounted.statistics.documents).toBe(121);
  });
});
