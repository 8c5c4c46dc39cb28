import type { ChatMemory } from './chat-generator.js';
import type { EngramProcess } from './engram-process.js';
import { round } from './recall-table.js';

/** p50/p95/p99 of a list of milliseconds. */
export interface Percentiles {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((left, right) => left - right);
  const at = (q: number) =>
    round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

/** A non-2xx answer. */
export class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** POSTs JSON; a non-2xx answer throws an HttpStatusError. */
export async function post<T>(server: EngramProcess, route: string, body: unknown): Promise<T> {
  const response = await fetch(`${server.url}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as T;
  if (!response.ok)
    throw new HttpStatusError(
      response.status,
      `${route} answered ${response.status}: ${JSON.stringify(json).slice(0, 300)}`,
    );
  return json;
}

/** Shed answers (429 rate-limited, 503 over the in-flight cap) count apart from other errors. */
function isShed(error: unknown): boolean {
  return error instanceof HttpStatusError && (error.status === 429 || error.status === 503);
}

/** Reads a gauge from the server's /metrics (prom-client resets its event-loop histogram on each scrape). */
export async function scrape(server: EngramProcess, name: string): Promise<number> {
  // A server whose event loop is stalled for long (PGlite under load) may drop the request.
  const text = await fetch(`${server.url}/metrics`)
    .then((response) => response.text())
    .catch(() => '');
  const line = text.split('\n').find((each) => each.startsWith(`${name} `));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : Number.NaN;
}

/** Event-loop delay p99 in ms since the previous scrape. */
export async function eventLoopP99(server: EngramProcess): Promise<number> {
  return round((await scrape(server, 'nodejs_eventloop_lag_p99_seconds')) * 1000);
}

/** POST /memories/batch of `batch` items from `clients` concurrent clients; memories/s and per-item outcome counts. */
export async function ingest(
  server: EngramProcess,
  memories: readonly ChatMemory[],
  options: { batch: number; clients: number },
  log: (line: string) => void,
) {
  const tally = { created: 0, duplicates: 0, errors: 0 };
  let next = 0;
  let reported = 0;
  await eventLoopP99(server);
  const started = performance.now();
  const client = async () => {
    while (next < memories.length) {
      const items = memories
        .slice(next, next + options.batch)
        .map((memory) => ({ content: memory.content, user_id: memory.userId }));
      next += options.batch;
      const response = await post<{ results: Array<{ status: string }> }>(
        server,
        '/memories/batch',
        { items },
      ).catch(() => ({ results: items.map(() => ({ status: 'error' })) }));
      for (const item of response.results ?? []) {
        if (item.status === 'created') tally.created += 1;
        else if (item.status === 'duplicate') tally.duplicates += 1;
        else tally.errors += 1;
      }
      const done = tally.created + tally.duplicates + tally.errors;
      if (done - reported >= 5_000) {
        reported = done;
        log(
          `api: ${done}/${memories.length} in ${((performance.now() - started) / 1000).toFixed(0)} s`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
  const seconds = (performance.now() - started) / 1000;
  return {
    ...tally,
    seconds: round(seconds),
    per_second: round(memories.length / seconds),
    event_loop_p99_ms: await eventLoopP99(server),
  };
}

/** `questions` searched by `clients` concurrent clients: latency percentiles, searches/s, errors, event-loop p99. */
export async function searchLoad(
  server: EngramProcess,
  questions: readonly ChatMemory[],
  clients: number,
) {
  const latencies: number[] = [];
  let errors = 0;
  let shed = 0;
  let next = 0;
  await eventLoopP99(server);
  const started = performance.now();
  const client = async () => {
    while (next < questions.length) {
      const question = questions[next] as ChatMemory;
      next += 1;
      const begun = performance.now();
      try {
        await post(server, '/memories/search', {
          query: question.content,
          user_id: question.userId,
        });
        latencies.push(performance.now() - begun);
      } catch (error) {
        if (isShed(error)) shed += 1;
        else errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const seconds = (performance.now() - started) / 1000;
  return {
    clients,
    ms: percentiles(latencies),
    per_second: round(latencies.length / seconds),
    errors,
    /** Share of requests answered 429 or 503 (shed by the rate limit or the in-flight cap). */
    shed_share: round(shed / Math.max(1, questions.length)),
    event_loop_p99_ms: await eventLoopP99(server),
  };
}
