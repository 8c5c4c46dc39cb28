import { expect, it } from 'vitest';
import { serverTiming } from '../../../src/http/routes/server-timing.js';
import { SpanTracer } from '../../../src/observability/span-tracer.js';

it('counts the spans started inside a trace, including those of concurrent work', async () => {
  const tracer = new SpanTracer();

  const { value, spans } = await tracer.trace(async () => {
    await Promise.all([tracer.span('sql', async () => 1), tracer.span('sql', async () => 2)]);
    tracer.start('vector')();
    return 'done';
  });

  expect(value).toBe('done');
  expect(spans.map((span) => [span.name, span.count])).toEqual([
    ['sql', 2],
    ['vector', 1],
    ['total', 1],
  ]);
});

it('records nothing for spans outside any trace', async () => {
  const tracer = new SpanTracer();
  await tracer.span('sql', async () => 1);

  const { spans } = await tracer.trace(async () => 0);

  expect(spans.map((span) => span.name)).toEqual(['total']);
});

it('keeps two concurrent traces apart', async () => {
  const tracer = new SpanTracer();

  const [first, second] = await Promise.all([
    tracer.trace(() => tracer.span('a', async () => 1)),
    tracer.trace(() => tracer.span('b', async () => 2)),
  ]);

  expect(first.spans.map((span) => span.name)).toEqual(['a', 'total']);
  expect(second.spans.map((span) => span.name)).toEqual(['b', 'total']);
});

it('writes spans as a Server-Timing header value', () => {
  expect(
    serverTiming([
      { name: 'sql.query', ms: 12.5, count: 7 },
      { name: 'total', ms: 30, count: 1 },
    ]),
  ).toBe('sql.query;dur=12.5;desc="7 calls", total;dur=30;desc="1 calls"');
});
