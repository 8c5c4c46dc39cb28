import { beforeAll, describe, expect, it } from 'vitest';
import { RulesEntityExtractor } from '../../../src/adapters/extraction/rules-entity-extractor.js';
import type { Memory } from '../../../src/domain/memory.js';
import { EntityExtraction } from '../../../src/services/graph/entity-extraction.js';
import { SearchService } from '../../../src/services/search/search-service.js';
import { testEmbedder } from '../../support/test-app.js';
import { useTestApp } from '../../support/use-test-app.js';

const t = useTestApp();
const scope = { tenant: 'default', userId: 'rerank', agentId: '' };
const said: Record<string, Memory> = {};

async function say(key: string, content: string, at: string, sessionId = 's1') {
  said[key] = (
    await t.services.writer.add({ content, scope, sessionId, createdAt: new Date(at) })
  ).memory;
}

async function searchWith(tuning: object, query: string) {
  const embedder = await testEmbedder();
  const search = new SearchService({
    store: t.store,
    vectors: t.vectors,
    embedder,
    wordVectors: embedder,
    extraction: new EntityExtraction(new RulesEntityExtractor({ confidenceThreshold: 0.5 })),
    clock: { now: () => new Date('2026-01-01T00:00:00Z') },
    defaultTopK: 10,
    defaultScoreThreshold: 0,
    tuning,
  });
  return (await search.search({ query, scope })).map((result) => result.memory.id);
}

beforeAll(async () => {
  await say('gym', 'The climbing gym downtown has great walls.', '2025-05-01T09:00:00Z');
  await say('went', 'I went to the climbing gym yesterday with Ana.', '2025-05-08T09:00:00Z');
  await say('pottery', 'I made a ceramic bowl in my class.', '2025-05-09T09:00:00Z', 's2');
  await say('market', 'The stock market fell again this quarter.', '2025-05-10T09:00:00Z', 's3');
  for (let index = 0; index < 12; index += 1)
    await say(
      `filler${index}`,
      `We talked about the weather and lunch number ${index}.`,
      '2025-06-01T09:00:00Z',
      's4',
    );
});

describe("search reranks the first stage with the scope's words and the question's time cues", () => {
  it('puts the memory that dates the event first for a "when" question', async () => {
    const ids = await searchWith({}, 'When did I go to the climbing gym?');
    expect(ids[0]).toBe(said['went']?.id);
  });

  it('finds a memory through a related word the query does not contain', async () => {
    const ids = await searchWith({}, 'What pottery did I make?');
    expect(ids[0]).toBe(said['pottery']?.id);
  });

  it('scores stay in [0,1] and in order', async () => {
    const embedder = await testEmbedder();
    const search = new SearchService({
      store: t.store,
      vectors: t.vectors,
      embedder,
      wordVectors: embedder,
      extraction: new EntityExtraction(new RulesEntityExtractor({ confidenceThreshold: 0.5 })),
      clock: { now: () => new Date('2026-01-01T00:00:00Z') },
      defaultTopK: 10,
      defaultScoreThreshold: 0,
    });
    const scores = (await search.search({ query: 'climbing gym walls', scope })).map(
      (result) => result.score,
    );
    expect(scores.length).toBeGreaterThan(1);
    for (const score of scores) expect(score).toBeGreaterThanOrEqual(0);
    for (const score of scores) expect(score).toBeLessThanOrEqual(1);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });
});
