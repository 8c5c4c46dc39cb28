import fc from 'fast-check';
import { type FuzzPools, type FuzzRequest, requestArbitrary } from './openapi-fuzz.js';

/** A service under fuzz: its OpenAPI document and a way to send one request. */
export interface FuzzTarget {
  readonly document: unknown;
  send(request: FuzzRequest): Promise<{ status: number; body: string }>;
}

/** What a campaign saw: requests sent, counts by status, the first few 5xx, and leak probes. */
export interface FuzzReport {
  readonly requests: number;
  readonly byStatus: Record<string, number>;
  readonly serverErrors: Array<{ request: FuzzRequest; status: number; body: string }>;
  /** Requests that named a `probes` string (another tenant's user or ids). */
  readonly probes: number;
  /** Answers that carried a `secrets` string (another tenant's text). */
  readonly leaks: number;
  /** The first few of them. */
  readonly firstLeaks: Array<{ request: FuzzRequest; status: number; body: string }>;
}

/** Strings to watch: requests naming `probes` are leak probes, answers holding `secrets` leaks. */
export interface LeakWatch {
  readonly probes: readonly string[];
  readonly secrets: readonly string[];
}

/** Sends `requests` generated requests (fixed `seed`) and counts the answers by status. */
export async function runFuzzCampaign(
  target: FuzzTarget,
  pools: FuzzPools,
  options: { requests: number; seed: number; concurrency?: number; watch?: LeakWatch },
): Promise<FuzzReport> {
  const requests = fc.sample(requestArbitrary(target.document as never, pools), {
    numRuns: options.requests,
    seed: options.seed,
  });
  const byStatus: Record<string, number> = {};
  const serverErrors: FuzzReport['serverErrors'] = [];
  const firstLeaks: FuzzReport['firstLeaks'] = [];
  let leaks = 0;
  const watch = options.watch ?? { probes: [], secrets: [] };
  let probes = 0;
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next++] as FuzzRequest;
      const { status, body } = await target.send(request);
      byStatus[status] = (byStatus[status] ?? 0) + 1;
      if (status >= 500 && serverErrors.length < 20) serverErrors.push({ request, status, body });
      const sent = `${request.url} ${JSON.stringify(request.payload ?? null)}`;
      if (watch.probes.some((probe) => sent.includes(probe))) probes += 1;
      if (watch.secrets.some((secret) => body.includes(secret))) {
        leaks += 1;
        if (firstLeaks.length < 5) firstLeaks.push({ request, status, body });
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 1 }, worker));
  return { requests: requests.length, byStatus, serverErrors, probes, leaks, firstLeaks };
}

/** The part of a Fastify app a campaign needs: its OpenAPI document and `inject()`. */
interface InjectableApp {
  swagger(): unknown;
  inject(options: {
    method: 'GET';
    url: string;
    headers: Record<string, string>;
    payload?: unknown;
  }): Promise<{ statusCode: number; body: string }>;
}

/** A target that sends each request through the app's `inject()` with the given authorization. */
export function injectTarget(app: InjectableApp, authorization: string): FuzzTarget {
  return {
    document: app.swagger(),
    send: async (request) => {
      const response = await app.inject({
        method: request.method as 'GET',
        url: request.url,
        headers: { authorization, ...request.headers },
        ...(request.payload !== undefined ? { payload: request.payload } : {}),
      });
      return { status: response.statusCode, body: response.body };
    },
  };
}
