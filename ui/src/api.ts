import { askForKey } from './key-prompt.js';

const KEY = 'engram.apiKey';

/** An error answer of the API: its `{code, message}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | null | undefined>;

interface Request {
  readonly method?: string;
  readonly query?: Query;
  readonly body?: unknown;
}

let pendingKey: Promise<void> | undefined;

/** The path with its query (empty and null values left out). */
export function urlOf(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Sends a request with the session's API key; on 401 asks for a key once and retries. */
async function send(path: string, request: Request): Promise<Response> {
  let refused = false;
  for (;;) {
    const headers: Record<string, string> = { accept: 'application/json' };
    const key = sessionStorage.getItem(KEY);
    if (key) headers['authorization'] = `Bearer ${key}`;
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(urlOf(path, request.query), {
      method: request.method ?? 'GET',
      headers,
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
    });
    if (response.status !== 401) return response;
    pendingKey ??= askForKey(refused || Boolean(key)).then((entered) => {
      sessionStorage.setItem(KEY, entered);
      pendingKey = undefined;
    });
    await pendingKey;
    refused = true;
  }
}

/** A JSON request; throws ApiError with the server's code and message on a 4xx/5xx. */
export async function api<T>(path: string, request: Request = {}): Promise<T> {
  const response = await send(path, request);
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => ({}))) as {
    code?: string;
    message?: string;
  };
  if (!response.ok)
    throw new ApiError(
      response.status,
      body.code ?? `http_${response.status}`,
      body.message ?? response.statusText,
    );
  return body as T;
}

/** A plain-text GET (the Prometheus metrics). */
export async function apiText(path: string): Promise<string> {
  const response = await send(path, {});
  if (!response.ok) throw new ApiError(response.status, `http_${response.status}`, path);
  return response.text();
}

/** Forgets the session's API key. */
export function forgetKey(): void {
  sessionStorage.removeItem(KEY);
}
