import type { LlmResponse } from '../../ports/llm.js';

/** Why a chat call failed for good; a bounded label for metrics. */
export type LlmFailureReason =
  | 'timeout'
  | 'rate_limited'
  | 'server_error'
  | 'client_error'
  | 'network'
  | 'invalid_response';

/** What every HTTP chat adapter needs; the adapter never reads the environment. */
export interface LlmHttpOptions {
  /** Server base URL, e.g. `http://localhost:11434/v1` or `https://api.openai.com/v1`. */
  readonly baseUrl: string;
  readonly model: string;
  /** Sent as `Authorization: Bearer …` when set. */
  readonly apiKey?: string | undefined;
  /** Per-attempt deadline; a timed-out attempt is not retried. */
  readonly timeoutMs: number;
  /** Extra attempts after the first on 429, 5xx and network errors. */
  readonly maxRetries: number;
  /** First backoff delay; doubles each retry, with full jitter (default 500 ms). */
  readonly retryBaseDelayMs?: number;
  /** Cap on any single wait, including a server's Retry-After (default 10 s). */
  readonly maxRetryDelayMs?: number;
  /** Injectable fetch (tests, proxies); defaults to the global one. */
  readonly fetch?: typeof fetch;
  /** Injectable wait between retries; defaults to a timer. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Called once per successful completion with its token counts. */
  readonly onUsage?: (usage: LlmResponse['usage']) => void;
  /** Called once per call that failed for good, with a bounded reason. */
  readonly onError?: (reason: LlmFailureReason) => void;
}
