import { randomBytes } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { ChromaReadinessCheck } from '../../../src/adapters/chroma/chroma-readiness-check.js';
import { ChromaVectorIndex } from '../../../src/adapters/chroma/chroma-vector-index.js';
import { UpstreamUnavailableError } from '../../../src/domain/errors.js';
import { scopeOf } from '../../../src/domain/scope.js';
import { vectorIndexContract } from '../../contract/vector-index.contract.js';

const chromaUrl = inject('chromaUrl');
const prefix = () => `t${randomBytes(6).toString('hex')}`;

// Each test gets its own collection prefix on the run's one server.
vectorIndexContract('ChromaVectorIndex', async () => {
  const collectionPrefix = prefix();
  return {
    open: () => new ChromaVectorIndex({ url: chromaUrl, collectionPrefix }),
    close: async () => {},
  };
});

describe('ChromaVectorIndex', () => {
  const identity = { provider: 'glove', model: 'test', dimensions: 4 };

  it('reports ready with the vector count', async () => {
    const index = new ChromaVectorIndex({ url: chromaUrl, collectionPrefix: prefix() });
    await index.init(identity);
    await index.upsert([
      { id: 'm1', scope: scopeOf('u'), memoryType: 'ephemeral', embedding: [1, 0, 0, 0] },
    ]);
    const result = await new ChromaReadinessCheck(index).check();
    expect(result).toEqual({ ok: true, detail: { vectors: 1 } });
  });

  it('turns an unreachable server into UpstreamUnavailableError keeping the cause', async () => {
    const index = new ChromaVectorIndex({ url: 'http://127.0.0.1:9' });
    const failure = index.init(identity);
    await expect(failure).rejects.toBeInstanceOf(UpstreamUnavailableError);
    await expect(failure).rejects.toHaveProperty('cause');
  });

  it('reports not ready when the server does not answer', async () => {
    const index = new ChromaVectorIndex({ url: 'http://127.0.0.1:9' });
    const result = await new ChromaReadinessCheck(index).check();
    expect(result.ok).toBe(false);
  });

  it('reports not ready while a managed Chroma restarts', async () => {
    const index = new ChromaVectorIndex({ url: chromaUrl });
    const result = await new ChromaReadinessCheck(index, { managed: { healthy: false } }).check();
    expect(result.ok).toBe(false);
  });
});
