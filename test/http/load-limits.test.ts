import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/use-test-app.js';

const t = useTestApp({ appOptions: { limits: { ratePerMinute: 8, maxInFlight: 2 } } });

describe('load limits', () => {
  it('sheds requests beyond the in-flight cap with 503 and Retry-After, and keeps probes up', async () => {
    const searches = Array.from({ length: 5 }, () =>
      t.app.inject({
        method: 'POST',
        url: '/memories/search',
        payload: { query: 'where does Sarah live', user_id: 'load' },
      }),
    );
    const health = t.app.inject({ url: '/health' });
    const responses = await Promise.all(searches);
    const shed = responses.filter((response) => response.statusCode === 503);
    expect(shed.length).toBeGreaterThan(0);
    expect(shed[0]?.headers['retry-after']).toBe('1');
    expect(shed[0]?.json().code).toBe('overloaded');
    expect((await health).statusCode).toBe(200);
  });

  it('answers 429 with Retry-After past the rate limit', async () => {
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof t.app.inject>> | undefined;
    for (let index = 0; index < 10; index += 1) {
      const response = await t.app.inject({ url: '/memories?user_id=load' });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) limited = response;
    }
    expect(statuses).toContain(429);
    expect(limited?.headers['retry-after']).toBeDefined();
    expect(limited?.json().code).toBe('rate_limited');
  });
});
