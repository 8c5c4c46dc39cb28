import { EngramError } from './engram-error.js';

/** What the transport needs: a base URL, optional key, timeout and retry policy, and a fetch. */
export interface TransportOptions {
  readonly baseUrl: string;
  readonly apiKey?: string | undefined;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  /** Longest wait before a retry; a longer `Retry-After` is not waited for (the error is thrown). */
  readonly maxRetryDelayMs: number;
  readonly fetch: typeof fetch;
  readonly headers?: Readonly<Record<string, string>> | undefined;
  readonly onRetry?: ((retry: RetryInfo) => void) | undefined;
}

/** Told to `onRetry` before each retry. */
export interface RetryInfo {
  readonly attempt: number;
  readonly status: number;
  readonly delayMs: number;
}

/** Options of one call. */
export interface CallOptions {
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly query?: Readonly<Record<string, unknown>> | undefined;
  readonly body?: unknown;
  /** Statuses answered with a body rather than thrown (GET /ready answers 503 when not ready). */
  readonly acceptStatuses?: readonly number[];
  /** Read the body as text (GET /metrics, GET /export). */
  readonly text?: boolean;
  /** Send `body` (a string) as is with this content type instead of as JSON (POST /import). */
  readonly contentType?: string;
}

const RETRY_STATUSES = new Set([429, 503]);

/** Sends one request with timeout and retries on 429/503, and returns the parsed body. */
export async function send<T>(
  options: TransportOptions,
  request: HttpRequest,
  call: CallOptions = {},
): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    const response = await fetchOnce(options, request, call);
    const accepted = response.ok || request.acceptStatuses?.includes(response.status);
    if (accepted) return (await readBody(response, request)) as T;
    const delayMs = retryDelay(response, attempt, options);
    if (attempt < options.maxRetries && RETRY_STATUSES.has(response.status) && delayMs !== null) {
      await response.body?.cancel();
      options.onRetry?.({ attempt: attempt + 1, status: response.status, delayMs });
      await sleep(delayMs, call.signal);
      continue;
    }
    throw await errorOf(response);
  }
}

/** One fetch with the call's timeout; every transport failure becomes an EngramError. */
async function fetchOnce(
  options: TransportOptions,
  request: HttpRequest,
  call: CallOptions,
): Promise<Response> {
  const timeoutMs = call.timeoutMs ?? options.timeoutMs;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = call.signal ? anySignal([call.signal, timeout]) : timeout;
  const hasBody = request.body !== undefined;
  const body = request.contentType ? String(request.body) : JSON.stringify(request.body);
  try {
    return await options.fetch(urlOf(options.baseUrl, request), {
      method: request.method,
      headers: headersOf(options, call, hasBody && (request.contentType ?? 'application/json')),
      ...(hasBody ? { body } : {}),
      signal,
    });
  } catch (error) {
    if (timeout.aborted) {
      throw new EngramError(
        'timeout',
        `${request.method} ${request.path} timed out after ${timeoutMs} ms`,
        {
          cause: error,
        },
      );
    }
    if (call.signal?.aborted) {
      throw new EngramError('aborted', `${request.method} ${request.path} was aborted`, {
        cause: error,
      });
    }
    throw new EngramError(
      'network_error',
      `${request.method} ${request.path} failed: ${messageOf(error)}`,
      {
        cause: error,
      },
    );
  }
}

/** Headers of one request; `contentType` is false when there is no body. */
function headersOf(options: TransportOptions, call: CallOptions, contentType: string | false) {
  return {
    accept: 'application/json',
    ...(contentType ? { 'content-type': contentType } : {}),
    ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
    ...options.headers,
    ...call.headers,
  };
}

/** The URL of a request: base + path + query (undefined values left out, arrays repeated). */
function urlOf(baseUrl: string, request: HttpRequest): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  const query = params.toString();
  return `${baseUrl.replace(/\/+$/, '')}${request.path}${query ? `?${query}` : ''}`;
}

async function readBody(response: Response, request: HttpRequest): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (request.text) return text;
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch (error) {
    throw new EngramError(
      'invalid_response',
      `${request.method} ${request.path}: the answer is not JSON`,
      {
        status: response.status,
        cause: error,
      },
    );
  }
}

/** The error of a non-2xx answer: the server's `{code, message}` when it sent one. */
async function errorOf(response: Response): Promise<EngramError> {
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const code = typeof record['code'] === 'string' ? record['code'] : `http_${response.status}`;
  const message =
    typeof record['message'] === 'string' ? record['message'] : `HTTP ${response.status}`;
  return new EngramError(code, message, { status: response.status, body });
}

/**
 * Milliseconds to wait before retrying: `Retry-After` (seconds or an HTTP date) when given,
 * else exponential back-off from 250 ms; null when the wait would exceed `maxRetryDelayMs`.
 */
export function retryDelay(
  response: Response,
  attempt: number,
  options: Pick<TransportOptions, 'maxRetryDelayMs'>,
): number | null {
  const header = response.headers.get('retry-after');
  let delay = 250 * 2 ** attempt;
  if (header !== null) {
    const seconds = Number(header);
    const date = Date.parse(header);
    if (header.trim() !== '' && Number.isFinite(seconds)) delay = Math.max(0, seconds * 1000);
    else if (Number.isFinite(date)) delay = Math.max(0, date - Date.now());
  }
  return delay > options.maxRetryDelayMs ? null : delay;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new EngramError('aborted', 'the request was aborted while waiting to retry'));
      },
      { once: true },
    );
  });
}

/** AbortSignal.any where it exists (Node 20.3+, current browsers), else a manual merge. */
function anySignal(signals: AbortSignal[]): AbortSignal {
  const any = (AbortSignal as { any?: (signals: AbortSignal[]) => AbortSignal }).any;
  if (any) return any(signals);
  const controller = new AbortController();
  for (const signal of signals) {
    if (signal.aborted) controller.abort(signal.reason);
    signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
}

function messageOf(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  const base = error instanceof Error ? error.message : String(error);
  return cause instanceof Error ? `${base} (${cause.message})` : base;
}
