import { setTimeout as wait } from 'node:timers/promises';
import { UpstreamUnavailableError } from '../../domain/errors.js';
import type { LlmFailureReason, LlmHttpOptions } from './llm-http-options.js';

const DEFAULT_BASE_DELAY_MS = 500;
const DEFAULT_MAX_DELAY_MS = 10_000;
const RETRYABLE: ReadonlySet<LlmFailureReason> = new Set([
  'rate_limited',
  'server_error',
  'network',
]);

interface Failure {
  readonly reason: LlmFailureReason;
  readonly detail: string;
  readonly cause: unknown;
  readonly retryAfterMs?: number | undefined;
}

type Attempt =
  | { readonly ok: true; readonly body: unknown }
  | { readonly ok: false; readonly failure: Failure };

/**
 * POSTs JSON to a chat endpoint with a per-attempt timeout and bounded retries (exponential
 * backoff, full jitter, Retry-After honoured up to a cap). The one place that turns transport
 * failures into UpstreamUnavailableError; messages name provider, model and status, never the prompt.
 */
export class LlmHttpTransport {
  readonly #provider: string;
  readonly #options: LlmHttpOptions;
  readonly #fetch: typeof fetch;
  readonly #sleep: (ms: number) => Promise<void>;

  constructor(provider: string, options: LlmHttpOptions) {
    this.#provider = provider;
    this.#options = options;
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#sleep = options.sleep ?? ((ms) => wait(ms));
  }

  /** The parsed JSON body of a 2xx answer; throws UpstreamUnavailableError otherwise. */
  async postJson(url: string, body: unknown): Promise<unknown> {
    const payload = JSON.stringify(body);
    for (let attempt = 0; ; attempt += 1) {
      const result = await this.#attempt(url, payload);
      if (result.ok) return result.body;
      const { failure } = result;
      if (!RETRYABLE.has(failure.reason) || attempt >= this.#options.maxRetries) {
        throw this.#fail(failure, attempt + 1);
      }
      await this.#sleep(this.#delayMs(attempt, failure.retryAfterMs));
    }
  }

  /** Reports an answer that arrived but cannot be used (missing fields). */
  invalidResponse(detail: string): UpstreamUnavailableError {
    return this.#fail({ reason: 'invalid_response', detail, cause: undefined }, 1);
  }

  async #attempt(url: string, payload: string): Promise<Attempt> {
    const signal = AbortSignal.timeout(this.#options.timeoutMs);
    try {
      const response = await this.#fetch(url, {
        method: 'POST',
        headers: this.#headers(),
        body: payload,
        signal,
      });
      const text = await response.text();
      if (!response.ok) return { ok: false, failure: statusFailure(response) };
      return parseBody(text);
    } catch (error) {
      const timedOut = signal.aborted;
      const detail = timedOut ? `timed out after ${this.#options.timeoutMs} ms` : 'network error';
      return {
        ok: false,
        failure: { reason: timedOut ? 'timeout' : 'network', detail, cause: error },
      };
    }
  }

  #headers(): Record<string, string> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/json',
    };
    if (this.#options.apiKey) headers['authorization'] = `Bearer ${this.#options.apiKey}`;
    return headers;
  }

  #delayMs(attempt: number, retryAfterMs: number | undefined): number {
    const cap = this.#options.maxRetryDelayMs ?? DEFAULT_MAX_DELAY_MS;
    if (retryAfterMs !== undefined) return Math.min(cap, retryAfterMs);
    const base = this.#options.retryBaseDelayMs ?? DEFAULT_BASE_DELAY_MS;
    return Math.random() * Math.min(cap, base * 2 ** attempt);
  }

  #fail(failure: Failure, attempts: number): UpstreamUnavailableError {
    this.#options.onError?.(failure.reason);
    const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
    return new UpstreamUnavailableError(
      `${this.#provider} LLM ${this.#options.model}: ${failure.detail}${tries}`,
      { cause: failure.cause },
    );
  }
}

function statusFailure(response: Response): Failure {
  const status = response.status;
  const reason: LlmFailureReason =
    status === 429 ? 'rate_limited' : status >= 500 ? 'server_error' : 'client_error';
  return {
    reason,
    detail: `HTTP ${status}`,
    cause: new Error(`HTTP ${status} ${response.statusText}`.trim()),
    retryAfterMs: retryAfterMs(response.headers),
  };
}

function parseBody(text: string): Attempt {
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch (error) {
    return {
      ok: false,
      failure: { reason: 'invalid_response', detail: 'answer is not JSON', cause: error },
    };
  }
}

/** `retry-after-ms` (OpenAI) or `retry-after` in seconds or as an HTTP date. */
function retryAfterMs(headers: Headers): number | undefined {
  const milliseconds = Number(headers.get('retry-after-ms') ?? Number.NaN);
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return milliseconds;
  const value = headers.get('retry-after');
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
