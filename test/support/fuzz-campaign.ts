import fc from 'fast-check';
import { type FuzzPools, type FuzzRequest, requestArbitrary } from './openapi-fuzz.js';

/** A service under fuzz: its OpenAPI document and a way to send one request. */
export interface FuzzTarget {
  readonly document: unknown;
  send(request: FuzzRequest): Promise<{ status: number; body: string }>;
}

/** What a campaign saw: requests sent, counts by status, and the first few 5xx. */
export interface FuzzReport {
  readonly requests: number;
  readonly byStatus: Record<string, number>;
  readonly serverErrors: Array<{ request: FuzzRequest; status: number; body: string }>;
}

/** Sends `requests` generated requests (fixed `seed`) and counts the answers by status. */
export async function runFuzzCampaign(
  target: FuzzTarget,
  pools: FuzzPools,
  options: { requests: number; seed: number; concurrency?: number },
): Promise<FuzzReport> {
  const requests = fc.sample(requestArbitrary(target.document as never, pools), {
    numRuns: options.requests,
    seed: options.seed,
  });
  const byStatus: Record<string, number> = {};
  const serverErrors: FuzzReport['serverErrors'] = [];
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next++] as FuzzRequest;
      const { status, body } = await target.send(request);
      byStatus[status] = (byStatus[status] ?? 0) + 1;
      if (status >= 500 && serverErrors.length < 20) serverErrors.push({ request, status, body });
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 1 }, worker));
  return { requests: requests.length, byStatus, serverErrors };
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
