import type { FastifyInstance, HTTPMethods } from 'fastify';

/**
 * A `fetch` answered by the app itself through `inject()` (no socket), so tools served by the
 * app call its REST routes with the caller's own credentials and go through the same hooks.
 */
export function injectFetch(
  app: FastifyInstance,
  forwarded: Readonly<Record<string, string>>,
): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const body =
      request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text();
    const headers: Record<string, string> = { ...forwarded };
    request.headers.forEach((value, key) => {
      headers[key] = value;
    });
    const answer = await app.inject({
      method: request.method as HTTPMethods,
      url: `${url.pathname}${url.search}`,
      headers,
      ...(body ? { payload: body } : {}),
    });
    const responseHeaders = new Headers();
    for (const [key, value] of Object.entries(answer.headers)) {
      if (value !== undefined)
        responseHeaders.set(key, Array.isArray(value) ? value.join(', ') : String(value));
    }
    const empty = answer.statusCode === 204 || answer.statusCode === 304;
    return new Response(empty ? null : new Uint8Array(answer.rawPayload), {
      status: answer.statusCode,
      headers: responseHeaders,
    });
  };
}
