import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TRANSFORMERS_PACKAGE,
  TransformersReranker,
} from '../../../src/adapters/reranking/transformers-reranker.js';
import { UpstreamUnavailableError } from '../../../src/domain/errors.js';
import { writeTinyCrossEncoder } from '../embeddings/tiny-bert-model.js';

// A variable specifier: type-checking must not need the optional package either.
const optionalPackage: string = TRANSFORMERS_PACKAGE;
let installed = true;
try {
  await import(optionalPackage);
} catch {
  installed = false;
}

describe.skipIf(!installed)('TransformersReranker on a generated tiny cross-encoder', () => {
  let directory: string;
  let modelDirectory: string;

  beforeAll(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'engram-tiny-cross-'));
    modelDirectory = path.join(directory, 'tiny-cross-encoder');
    await writeTinyCrossEncoder(modelDirectory);
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('scores each passage in [0,1], in order, the relevant one highest', async () => {
    const reranker = new TransformersReranker({ model: modelDirectory, batchSize: 2 });
    const scores = await reranker.score('what pet did i get', [
      'the stock market fell again',
      'i adopted a puppy',
      'i got a dog',
    ]);
    expect(scores).toHaveLength(3);
    for (const score of scores) {
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
    expect(scores[1]).toBeGreaterThan(scores[0] ?? 1);
    expect(scores[2]).toBeGreaterThan(scores[0] ?? 1);
  });

  it('scores the passage, not the query: the same passage scores the same for any query', async () => {
    const reranker = new TransformersReranker({ model: modelDirectory });
    const [first] = await reranker.score('dog', ['i got a dog']);
    const [second] = await reranker.score('the stock market', ['i got a dog']);
    expect(first).toBeCloseTo(second ?? 0, 5);
  });

  it('fails with upstream_unavailable for a missing local model, without downloading', async () => {
    const reranker = new TransformersReranker({ model: path.join(directory, 'missing') });
    await expect(reranker.init()).rejects.toBeInstanceOf(UpstreamUnavailableError);
  });
});

describe('TransformersReranker without the package', () => {
  it('names the package to install', async () => {
    const reranker = new TransformersReranker({
      model: 'any',
      moduleSpecifier: 'engram-no-such-package',
    });
    await expect(reranker.init()).rejects.toThrow(/optional package @huggingface\/transformers/);
  });
});
