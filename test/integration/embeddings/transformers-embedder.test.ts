import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TRANSFORMERS_PACKAGE,
  TransformersEmbedder,
} from '../../../src/adapters/embeddings/transformers-embedder.js';
import { UpstreamUnavailableError } from '../../../src/domain/errors.js';
import { embedderContract } from '../../contract/embedder.contract.js';
import { HIDDEN_SIZE, writeTinyBertModel } from './tiny-bert-model.js';

const cosine = (a: readonly number[], b: readonly number[]) =>
  a.reduce((sum, x, index) => sum + x * (b[index] ?? 0), 0);

// A variable specifier: type-checking must not need the optional package either.
const optionalPackage: string = TRANSFORMERS_PACKAGE;
let installed = true;
try {
  await import(optionalPackage);
} catch {
  installed = false;
}

describe.skipIf(!installed)('TransformersEmbedder on a generated tiny BERT model', () => {
  let directory: string;
  let modelDirectory: string;

  beforeAll(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'engram-tiny-bert-'));
    modelDirectory = path.join(directory, 'tiny-bert');
    await writeTinyBertModel(modelDirectory);
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  embedderContract(
    'TransformersEmbedder',
    () => new TransformersEmbedder({ model: modelDirectory }),
  );

  it('names the model and its hidden size', async () => {
    const embedder = new TransformersEmbedder({ model: modelDirectory });
    await embedder.init();
    expect(embedder.identity).toEqual({
      provider: 'transformers',
      model: modelDirectory,
      dimensions: HIDDEN_SIZE,
    });
  });

  it('mean-pools token vectors, so texts sharing topic words are closer', async () => {
    const embedder = new TransformersEmbedder({ model: modelDirectory, batchSize: 2 });
    const [puppy, dog, market] = await embedder.embed([
      'I adopted a puppy',
      'I got a dog',
      'The stock market fell',
    ]);
    expect(cosine(puppy!, dog!)).toBeGreaterThan(cosine(puppy!, market!));
  });

  it('does not download a hub model when remote models are off', async () => {
    const embedder = new TransformersEmbedder({
      model: 'sentence-transformers/all-mpnet-base-v2',
      cacheDirectory: directory,
    });
    await expect(embedder.init()).rejects.toThrow(/remote models are off/);
  });
});

describe('TransformersEmbedder without the optional package', () => {
  it('explains how to install it', async () => {
    const embedder = new TransformersEmbedder({
      model: 'any',
      moduleSpecifier: 'engram-package-that-is-not-installed',
    });
    const failure = embedder.init();
    await expect(failure).rejects.toBeInstanceOf(UpstreamUnavailableError);
    await expect(failure).rejects.toThrow(/ONNXRUNTIME_NODE_INSTALL_CUDA=skip npm install/);
  });
});
