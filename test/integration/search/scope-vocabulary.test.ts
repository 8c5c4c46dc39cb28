import { describe, expect, it } from 'vitest';
import type { Memory } from '../../../src/domain/memory.js';
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

  it('counts a small scope when it is first written, then adds the words of later writes', async () => {
    const scope = { tenant: 'default', userId: 'vocabulary-d', agentId: '' };
    const { memories, reads } = countingReads();
    const vocabularies = new ScopeVocabulary(memories, await testEmbedder());
    const first = await t.services.writer.addMany([{ content: 'Caroline: I paint', scope }]);
    await vocabularies.observe(scope, memoriesOf(first), 1);
    expect(reads()).toBe(1);
    const later = await t.services.writer.addMany([{ content: 'Caroline: pottery class', scope }]);
    await vocabularies.observe(scope, memoriesOf(later), 1);
    const vocabulary = await vocabularies.of(scope);
    expect(vocabulary.statistics.documents).toBe(2);
    expect(vocabulary.statistics.documentFrequency('caroline')).toBe(2);
    expect(vocabulary.statistics.documentFrequency('pottery')).toBe(1);
    expect(reads()).toBe(1);
  });

  it('leaves a large scope it has not counted to its first search', async () => {
    const scope = { tenant: 'default', userId: 'vocabulary-e', agentId: '' };
    await add(
      'vocabulary-e',
      Array.from({ length: 1010 }, (_, index) => `entry ${index}`),
    );
    const { memories, reads } = countingReads();
    const vocabularies = new ScopeVocabulary(memories, await testEmbedder());
    const last = await t.services.writer.addMany([{ content: 'a last entry', scope }]);
    await vocabularies.observe(scope, memoriesOf(last), 1);
    expect(reads()).toBe(0);
    expect((await vocabularies.of(scope)).statistics.documents).toBe(1011);
  });
});

/** The store's memories, counting the pages the vocabulary reads. */
function countingReads() {
  let pages = 0;
  const memories = {
    list: (...args: Parameters<typeof t.store.memories.list>) => {
      pages += 1;
      return t.store.memories.list(...args);
    },
    countSearchUnits: (...args: Parameters<typeof t.store.memories.countSearchUnits>) =>
      t.store.memories.countSearchUnits(...args),
  };
  return { memories, reads: () => pages };
}

function memoriesOf(slots: readonly unknown[]) {
  return slots.flatMap((slot) =>
    slot && typeof slot === 'object' && 'memory' in slot
      ? [(slot as { memory: Memory }).memory]
      : [],
  );
}
