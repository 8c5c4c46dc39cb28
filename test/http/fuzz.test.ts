import { describe, expect, it } from 'vitest';
import { injectTarget, runFuzzCampaign } from '../support/fuzz-campaign.js';
import { useTestApp } from '../support/use-test-app.js';

const t = useTestApp();

// Bounded for `npm test`; `engram bench fuzz --requests N` runs long campaigns.
const REQUESTS = 400;
const SEED = 1414;

describe('fuzzing every OpenAPI operation', () => {
  it('never answers 5xx and leaves data written before it intact', async () => {
    // The fuzzer may create keys (POST /keys), which turns auth on: it works as an admin.
    const admin = await t.services.keys?.create({ name: 'fuzz', scopes: ['admin'] });
    const authorization = `Bearer ${admin?.secret}`;
    const kept = [];
    for (const content of ['Sarah lives in Boston.', 'My brother Tom works at Google.']) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/memories',
        headers: { authorization },
        payload: { content, user_id: 'fuzz-keeper' },
      });
      kept.push(response.json().memory as { id: string; content: string });
    }
    await t.app.ready();
    const report = await runFuzzCampaign(
      injectTarget(t.app, authorization),
      { ids: kept.map((memory) => memory.id), scopeIds: ['fuzz-a', 'fuzz-b', 'alice'] },
      { requests: REQUESTS, seed: SEED },
    );
    expect(report.serverErrors).toEqual([]);
    expect(report.byStatus['200'] ?? 0).toBeGreaterThan(REQUESTS / 20);
    for (const memory of kept) {
      const response = await t.app.inject({
        url: `/memories/${memory.id}?user_id=fuzz-keeper`,
        headers: { authorization },
      });
      expect(response.json().memory.content).toBe(memory.content);
    }
  });
});
