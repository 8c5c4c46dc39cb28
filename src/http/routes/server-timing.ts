import type { SpanTiming } from '../../domain/span-timing.js';

/**
 * A `Server-Timing` header value (W3C): one metric per span, its total milliseconds as `dur` and
 * its number of calls in `desc`, e.g. `sql.query;dur=12.3;desc="7 calls"`.
 */
export function serverTiming(spans: readonly SpanTiming[]): string {
  return spans.map((span) => `${span.name};dur=${span.ms};desc="${span.count} calls"`).join(', ');
}
