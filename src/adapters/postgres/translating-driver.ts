import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { NO_TRACER, type Tracer } from '../../ports/tracer.js';
import { pgFailure } from './pg-failure.js';

type AfterCall = (value: unknown) => unknown;

/**
 * A node-postgres pool whose `query` and `connect` (and the `query` of the clients it hands out)
 * reject through pgFailure, so drizzle reports a lost connection as `upstream_unavailable`.
 */
export function translatePoolFailures(pool: pg.Pool, tracer: Tracer = NO_TRACER): pg.Pool {
  return translating(
    pool,
    { query: undefined, connect: (client) => watchClient(client, tracer) },
    tracer,
  );
}

/** A PGlite client whose queries and transactions reject through pgFailure (e.g. once closed). */
export function translatePgliteFailures(client: PGlite, tracer: Tracer = NO_TRACER): PGlite {
  return translating(client, { query: undefined, exec: undefined, transaction: undefined }, tracer);
}

/**
 * A checked-out client of a transaction: its queries are translated too, and a connection that
 * dies while it is checked out must not emit an unhandled 'error' (it would end the process);
 * the failed query already reports it, and the pool discards the client on release.
 */
function watchClient(value: unknown, tracer: Tracer): unknown {
  const client = value as pg.PoolClient;
  if (!client.listeners('error').includes(ignoreError)) client.on('error', ignoreError);
  return translating(client, { query: undefined }, tracer);
}

function ignoreError(): void {}

/**
 * `target` with the named methods calling the real ones (bound to `target`, so private state
 * works) and passing rejections through pgFailure; promise results go through `after` if given.
 * Callback-style calls (they return no promise) pass through untouched. With tracing on, each
 * call is a span named `sql.<method>` (`sql.connect` is the wait for a pooled connection).
 */
function translating<T extends object>(
  target: T,
  methods: Record<string, AfterCall | undefined>,
  tracer: Tracer,
): T {
  return new Proxy(target, {
    get(object, key) {
      const value: unknown = Reflect.get(object, key, object);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (typeof key !== 'string' || !(key in methods)) return method.bind(object);
      const after = methods[key];
      return (...args: unknown[]) => {
        const end = tracer.start(`sql.${key}`);
        const result = method.apply(object, args);
        if (!isPromiseLike(result)) {
          end();
          return result;
        }
        return Promise.resolve(result)
          .finally(end)
          .then(after, (error: unknown) => {
            throw pgFailure(error, key);
          });
      };
    },
  });
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
