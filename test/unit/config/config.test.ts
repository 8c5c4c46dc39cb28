import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config.js';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config.http).toMatchObject({ port: 8000, host: '127.0.0.1', bodyLimitBytes: 1_048_576 });
    expect(config.dataDir).toBe(path.resolve('./data'));
    expect(config.chroma.persistDirectory).toBe(path.resolve('./data/chroma'));
    expect(config.database).toEqual({
      url: undefined,
      embedded: 'postgres',
      embeddedUser: undefined,
    });
    expect(config.embeddings.provider).toBe('glove');
    expect(config.extraction).toEqual({
      extractor: 'rules',
      confidenceThreshold: 0.5,
      thread: true,
    });
    expect(config.memory).toMatchObject({ maxChunkTokens: 512, topK: 5 });
    expect(config.llm.baseUrl).toBeUndefined();
  });

  it('coerces and validates values', () => {
    const config = loadConfig({
      PORT: '9001',
      ENTITY_CONFIDENCE_THRESHOLD: '0.25',
      DATA_DIR: '/tmp/x',
      LOG_CONTENT: 'true',
    });
    expect(config.http.port).toBe(9001);
    expect(config.extraction.confidenceThreshold).toBe(0.25);
    expect(config.chroma.persistDirectory).toBe('/tmp/x/chroma');
    expect(config.log.content).toBe(true);
  });

  it('lists every bad variable in one error', () => {
    expect(() =>
      loadConfig({ PORT: 'eighty', ENTITY_CONFIDENCE_THRESHOLD: '2', EMBEDDING_PROVIDER: 'magic' }),
    ).toThrow(
      'invalid environment: PORT must be an integer 1..65535; EMBEDDING_PROVIDER must be one of glove, transformers, http; ENTITY_CONFIDENCE_THRESHOLD must be in [0,1]',
    );
  });

  it('reads EPHEMERAL_TTL as a duration, unset meaning never', () => {
    expect(loadConfig({}).memory.ephemeralTtlSeconds).toBeUndefined();
    expect(loadConfig({ EPHEMERAL_TTL: '3600' }).memory.ephemeralTtlSeconds).toBe(3600);
    expect(loadConfig({ EPHEMERAL_TTL: '15m' }).memory.ephemeralTtlSeconds).toBe(900);
    expect(loadConfig({ EPHEMERAL_TTL: '7d' }).memory.ephemeralTtlSeconds).toBe(604_800);
    expect(() => loadConfig({ EPHEMERAL_TTL: 'soon' })).toThrow(/EPHEMERAL_TTL/);
    expect(() => loadConfig({ EPHEMERAL_TTL: '0' })).toThrow(/EPHEMERAL_TTL/);
  });

  it('rejects a database URL that is not postgres', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://localhost/x' })).toThrow(
      /DATABASE_URL must be a URL/,
    );
  });

  it('requires a base URL for the http embedding provider', () => {
    expect(() => loadConfig({ EMBEDDING_PROVIDER: 'http' })).toThrow(
      /EMBEDDING_BASE_URL must be set when EMBEDDING_PROVIDER=http/,
    );
    expect(
      loadConfig({
        EMBEDDING_PROVIDER: 'http',
        EMBEDDING_BASE_URL: 'http://127.0.0.1:11434',
        EMBEDDING_API: 'ollama',
      }).embeddings,
    ).toMatchObject({ api: 'ollama' });
  });

  it('returns a frozen object', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.http)).toBe(true);
  });
});
