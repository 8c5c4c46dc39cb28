import { afterAll, expect, it } from 'vitest';
import { RulesEntityExtractor } from '../../../src/adapters/extraction/rules-entity-extractor.js';
import { WorkerEntityExtractor } from '../../../src/adapters/extraction-worker/worker-entity-extractor.js';
import { describeEntityExtractorContract } from '../../contract/entity-extractor.contract.js';

// One thread per threshold, shared by the contract's cases (each thread loads the lexicons).
const threads = new Map<number, WorkerEntityExtractor>();
function threaded(options: { confidenceThreshold: number }): WorkerEntityExtractor {
  const existing = threads.get(options.confidenceThreshold);
  if (existing) return existing;
  const extractor = new WorkerEntityExtractor(options);
  threads.set(options.confidenceThreshold, extractor);
  return extractor;
}

afterAll(async () => {
  for (const extractor of threads.values()) await extractor.close();
});

describeEntityExtractorContract('rules on a worker thread', threaded);

it('extracts exactly what the rules extractor does in process, concurrently and in order', async () => {
  const texts = [
    'I moved to Lisbon last year and started at Deloitte in March.',
    'My sister Ana married Tom Becker in Porto on 3 May 2024.',
    'We broke up. Karim still lives in Marseille with his dog Rex.',
    'Dr. Priya Natarajan works for the World Health Organization in Geneva.',
  ];
  const context = { speaker: 'sam', referenceTime: new Date('2026-06-01T12:00:00Z') };
  const local = new RulesEntityExtractor({ confidenceThreshold: 0.5 });
  await local.init();
  const expected = await Promise.all(texts.map((text) => local.extract(text, context)));
  const actual = await Promise.all(
    texts.map((text) => threaded({ confidenceThreshold: 0.5 }).extract(text, context)),
  );
  expect(actual).toEqual(expected);
  expect(actual.some((extraction) => extraction.relations.length > 0)).toBe(true);
});

it('starts a new thread after its thread died', async () => {
  const extractor = new WorkerEntityExtractor({ confidenceThreshold: 0.5 });
  threads.set(-1, extractor);
  await extractor.init();
  await extractor.close();
  const { entities } = await extractor.extract('Maria lives in Oslo.');
  expect(entities.map((entity) => entity.text)).toEqual(expect.arrayContaining(['Maria', 'Oslo']));
});
