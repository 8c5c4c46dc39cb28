import { AsyncLocalStorage } from 'node:async_hooks';
import type { SpanTiming } from '../domain/span-timing.js';
import type { Tracer } from '../ports/tracer.js';

type Totals = Map<string, { ms: number; count: number }>;

/**
 * A {@link Tracer} that keeps each trace's spans in async-local storage, so a SQL statement or a
 * vector query started anywhere inside `trace` is counted in that trace and no other.
 */
export class SpanTracer implements Tracer {
  readonly enabled = true;
  readonly #storage = new AsyncLocalStorage<Totals>();

  async trace<T>(work: () => Promise<T>): Promise<{ value: T; spans: SpanTiming[] }> {
    const totals: Totals = new Map();
    const end = startIn(totals, 'total');
    const value = await this.#storage.run(totals, work);
    end();
    const spans = [...totals].map(([name, { ms, count }]) => ({
      name,
      ms: Math.round(ms * 100) / 100,
      count,
    }));
    return { value, spans };
  }

  async span<T>(name: string, work: () => Promise<T>): Promise<T> {
    const end = this.start(name);
    try {
      return await work();
    } finally {
      end();
    }
  }

  start(name: string): () => void {
    const totals = this.#storage.getStore();
    return totals ? startIn(totals, name) : () => {};
  }
}

function startIn(totals: Totals, name: string): () => void {
  const started = performance.now();
  return () => {
    const total = totals.get(name) ?? { ms: 0, count: 0 };
    total.ms += performance.now() - started;
    total.count += 1;
    totals.set(name, total);
  };
}
