import { UpstreamUnavailableError } from '../../domain/errors.js';
import type { Embedder, EmbedderIdentity } from '../../ports/embedder.js';

export type HttpEmbeddingApi = 'openai' | 'ollama';

export interface HttpEmbedderOptions {
  /** Server base URL: `https://api.openai.com/v1`, `http://127.0.0.1:11434`, … */
  readonly baseUrl: string;
  /** `openai`: POST {base}/v1/embeddings (or {base}/embeddings when base ends in /v1); `ollama`: POST {base}/api/embed. */
  readonly api: HttpEmbeddingApi;
  readonly model: string;
  readonly apiKey?: string;
  /** Vector size when known; otherwise `init()` asks the server once. */
  readonly dimensions?: number;
  /** Per-request timeout; 30 s by default. */
  readonly timeoutMs?: number;
  /** Retries after a network error, 408, 429 or 5xx; 2 by default. */
  readonly retries?: number;
  /** Texts per request; 128 by default. */
  readonly batchSize?: number;
  readonly fetch?: typeof fetch;
}

/** A failure worth retrying: 408, 429 or 5xx (network errors and timeouts are retried too). */
class TransientFailure extends Error {}

/** A definite failure of the server: another bad status or a malformed answer. */
class PermanentFailure extends Error {}

/** Embeddings from an OpenAI-compatible or Ollama server; vectors are re-normalised to unit length. */
export class HttpEmbedder implements Embedder {
  readonly #options: HttpEmbedderOptions;
  readonly #fetch: typeof fetch;
  #dimensions: number | undefined;

  constructor(options: HttpEmbedderOptions) {
    this.#options = options;
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#dimensions = options.dimensions;
  }

  get identity(): EmbedderIdentity {
    return { provider: 'http', model: this.#options.model, dimensions: this.#dimensions ?? 0 };
  }

  /** Learns the vector size from one probe request when it was not configured. */
  async init(): Promise<void> {
    if (this.#dimensions !== undefined) return;
    const [probe] = await this.#request(['dimension probe']);
    this.#dimensions = probe?.length;
  }

  async embed(texts: readonly string[]): Promise<number[][]> {
    const batchSize = this.#options.batchSize ?? 128;
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += batchSize) {
      vectors.push(...(await this.#request(texts.slice(start, start + batchSize))));
    }
    return vectors;
  }

  get #url(): string {
    const base = this.#options.baseUrl.replace(/\/+$/u, '');
    if (this.#options.api === 'ollama') return `${base}/api/embed`;
    return base.endsWith('/v1') ? `${base}/embeddings` : `${base}/v1/embeddings`;
  }

  async #request(texts: readonly string[]): Promise<number[][]> {
    const retries = this.#options.retries ?? 2;
    for (let attempt = 0; ; attempt += 1) {
      try {
        return this.#check(texts.length, parseVectors(this.#options.api, await this.#post(texts)));
      } catch (error) {
        const retryable = !(error instanceof PermanentFailure);
        if (attempt >= retries || !retryable) throw this.#failure(error);
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
      }
    }
  }

  async #post(texts: readonly string[]): Promise<unknown> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.#options.apiKey) headers['authorization'] = `Bearer ${this.#options.apiKey}`;
    const response = await this.#fetch(this.#url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ model: this.#options.model, input: texts }),
      signal: AbortSignal.timeout(this.#options.timeoutMs ?? 30_000),
    });
    if (!response.ok) {
      await response.body?.cancel();
      const message = `status ${response.status}`;
      const status = response.status;
      if (status === 408 || status === 429 || status >= 500) throw new TransientFailure(message);
      throw new PermanentFailure(message);
    }
    try {
      return await response.json();
    } catch (error) {
      throw new PermanentFailure('response is not JSON', { cause: error });
    }
  }

  #check(expected: number, vectors: number[][]): number[][] {
    if (vectors.length !== expected) {
      throw new PermanentFailure(`returned ${vectors.length} vectors for ${expected} texts`);
    }
    const dimensions = this.#dimensions ?? vectors[0]?.length;
    if (vectors.some((vector) => vector.length !== dimensions || vector.length === 0)) {
      throw new PermanentFailure(`returned vectors of a size other than ${dimensions}`);
    }
    return vectors.map(unitLength);
  }

  #failure(error: unknown): UpstreamUnavailableError {
    const reason = error instanceof Error ? error.message : String(error);
    return new UpstreamUnavailableError(
      `embedding server ${this.#url} (model ${this.#options.model}) failed: ${reason}`,
      { cause: error },
    );
  }
}

function parseVectors(api: HttpEmbeddingApi, body: unknown): number[][] {
  if (api === 'ollama') {
    const embeddings = (body as { embeddings?: unknown })?.embeddings;
    if (!Array.isArray(embeddings)) throw new PermanentFailure('response has no `embeddings`');
    return embeddings.map(numberArray);
  }
  const data = (body as { data?: unknown })?.data;
  if (!Array.isArray(data)) throw new PermanentFailure('response has no `data`');
  return [...(data as { index?: number; embedding?: unknown }[])]
    .sort((left, right) => (left.index ?? 0) - (right.index ?? 0))
    .map((item) => numberArray(item.embedding));
}

function numberArray(value: unknown): number[] {
  if (!Array.isArray(value) || !value.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    throw new PermanentFailure('response holds a vector that is not a list of numbers');
  }
  return value as number[];
}

function unitLength(vector: number[]): number[] {
  const norm = Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0));
  return norm === 0 ? vector : vector.map((x) => x / norm);
}
