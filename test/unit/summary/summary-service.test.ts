import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GloveEmbedder } from '../../../src/adapters/embeddings/glove-embedder.js';
import { InvalidInputError } from '../../../src/domain/errors.js';
import { splitSentences } from '../../../src/domain/sentences.js';
import { mentionsName } from '../../../src/services/conversations/summary-sentences.js';
import { SummaryService } from '../../../src/services/conversations/summary-service.js';
import { CapitalisedWordExtractor } from '../../support/capitalised-word-extractor.js';

const STORY = [
  'Sarah moved to Boston last spring to start a new job.',
  'The new job is at Google, where Sarah works on search.',
  'Her brother Tom visited Boston in June.',
  'Tom and Sarah walked along the river and talked about the new job.',
  'The weather was warm and the river was busy.',
  'Later Tom flew back to Denver.',
  'Their friend Priya from Chicago called them both in July.',
  'The river walk reminded Tom of the job Sarah loves.',
].join(' ');

function service() {
  return new SummaryService({ extractor: new CapitalisedWordExtractor() });
}

describe('SummaryService without an LLM (extractive)', () => {
  it('keeps every entity of the source even with a one-sentence target', async () => {
    const result = await service().summarize(STORY, { preserveEntities: true, maxSentences: 1 });
    expect(result.entities).toEqual(
      expect.arrayContaining(['Sarah', 'Boston', 'Google', 'Tom', 'Denver', 'Priya', 'Chicago']),
    );
    for (const name of result.entities) expect(mentionsName(result.summary, name)).toBe(true);
    expect(result.missingEntities).toEqual([]);
    expect(result.method).toBe('extractive');
  });

  it('says that no LLM is configured', async () => {
    const result = await service().summarize(STORY, { preserveEntities: true });
    expect(result.notice).toMatch(/no llm/i);
  });

  it('returns whole source sentences in their original order', async () => {
    const result = await service().summarize(STORY, { preserveEntities: true, maxSentences: 2 });
    const source = splitSentences(STORY).map((sentence) => sentence.text);
    const chosen = splitSentences(result.summary).map((sentence) => sentence.text);
    const positions = chosen.map((sentence) => source.indexOf(sentence));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((left, right) => left - right));
  });

  it('meets the sentence target when entities do not need more', async () => {
    const result = await service().summarize(STORY, { preserveEntities: false, maxSentences: 2 });
    expect(splitSentences(result.summary)).toHaveLength(2);
    expect(result.missingEntities).toEqual([]);
  });

  it('picks the most central sentence first', async () => {
    const text =
      'The garden needs water. Tomatoes in the garden need water daily. The garden tomatoes grow fast. Stocks fell.';
    const result = await service().summarize(text, { preserveEntities: false, maxSentences: 1 });
    expect(result.summary).not.toBe('Stocks fell.');
    expect(result.summary).toMatch(/garden/);
  });

  it('reports summary characters over source characters', async () => {
    const result = await service().summarize(STORY, { preserveEntities: true, maxSentences: 2 });
    expect(result.compressionRatio).toBeCloseTo(result.summary.length / STORY.length, 10);
    expect(result.compressionRatio).toBeLessThan(1);
  });

  it('appends a name that no single sentence contains', async () => {
    const text = 'Yesterday I met Sarah\nJones at the station. It was raining hard all day.';
    const result = await service().summarize(text, { preserveEntities: true, maxSentences: 1 });
    expect(result.entities).toContain('Sarah\nJones');
    expect(result.missingEntities).toEqual(['Sarah\nJones']);
    expect(result.summary).toContain('Also mentioned: Sarah\nJones.');
  });

  it('rejects an empty text', async () => {
    await expect(service().summarize('  ', { preserveEntities: true })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
  });
});

describe('SummaryService with an injected embedder', () => {
  let directory: string;
  let embedder: GloveEmbedder;
  const TEXT = 'The stock fell. I adopted a puppy. My dog got old.';

  beforeAll(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'engram-summary-'));
    const axis = (k: number) => Array.from({ length: 4 }, (_, index) => (index === k ? 1 : 0));
    const vectors: Record<string, number[]> = {
      the: axis(3),
      i: axis(3),
      a: axis(3),
      my: axis(3),
      puppy: axis(0),
      dog: axis(0),
      adopted: axis(1),
      got: axis(1),
      stock: axis(2),
      fell: axis(2),
      old: axis(1),
    };
    const words = Object.keys(vectors);
    const source = path.join(directory, 'embeddings.json');
    await writeFile(
      source,
      JSON.stringify({ precision: 8, dimensions: 4, size: words.length, words, vectors }),
    );
    embedder = new GloveEmbedder({
      cacheDirectory: path.join(directory, 'cache'),
      sourcePath: source,
    });
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('ranks by bag-of-words without it: no shared words, so the first sentence wins', async () => {
    const result = await service().summarize(TEXT, { preserveEntities: false, maxSentences: 1 });
    expect(result.summary).toBe('The stock fell.');
  });

  it('ranks by embedding similarity with it: the two pet sentences are central', async () => {
    const summaries = new SummaryService({ extractor: new CapitalisedWordExtractor(), embedder });
    const result = await summaries.summarize(TEXT, { preserveEntities: false, maxSentences: 1 });
    expect(['I adopted a puppy.', 'My dog got old.']).toContain(result.summary);
  });
});
