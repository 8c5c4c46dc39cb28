import { describe, expect, it } from 'vitest';
import { injectTarget, runFuzzCampaign } from '../support/fuzz-campaign.js';
import { useTestApp } from '../support/use-test-app.js';

const t = useTestApp();

// Bounded for `npm test`; `engram bench fuzz --requests N` runs long campaigns.
const REQUESTS = 400;
const SEED = 1414;
// Another tenant's text, which no answer to the fuzzer may carry.
const FOREIGN = 'Quilla Marwood keeps the harbour ledger in Tromsø.';

describe('fuzzing every OpenAPI operation', () => {
  it('never answers 5xx, leaks nothing of another tenant, and leaves data written before it intact', async () => {
    // The fuzzer may create keys (POST /keys), which turns auth on: it works as an admin.
    const admin = await t.services.keys?.create({ name: 'fuzz', scopes: ['admin'] });
    const other = await t.services.keys?.create({ name: 'o', scopes: ['write'], tenant: 'other' });
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
    // The fuzzer's own user ids hold another tenant's memories: every scoped request probes a leak.
    const scopeIds = ['fuzz-a', 'fuzz-b', 'alice'];
    const foreign = [];
    for (const user_id of scopeIds)
      for (const agent_id of [undefined, ...scopeIds])
        for (const session_id of [undefined, 'fuzz-a'])
          foreign.push(
            (
              await t.app.inject({
                method: 'POST',
                url: '/memories',
                headers: { authorization: `Bearer ${other?.secret}` },
                payload: {
                  content: `${FOREIGN} ${session_id ?? ''}`,
                  user_id,
                  agent_id,
                  session_id,
                },
              })
            ).json(),
          );
    const foreignIds = foreign.flatMap((added) => [
      added.memory.id as string,
      ...added.entities.map((e: { id: string }) => e.id),
    ]);
    await t.app.ready();
    const report = await runFuzzCampaign(
      injectTarget(t.app, authorization),
      {
        ids: [...kept.map((memory) => memory.id), ...foreignIds],
        scopeIds,
      },
      {
        requests: REQUESTS,
        seed: SEED,
        watch: { probes: [...scopeIds, ...foreignIds], secrets: ['Quilla', 'Marwood', 'Tromsø'] },
      },
    );
    expect(report.serverErrors).toEqual([]);
    expect(report.firstLeaks).toEqual([]);
    expect(report.probes).toBeGreaterThan(REQUESTS / 4);
    expect(report.byStatus['200'] ?? 0).toBeGreaterThan(REQUESTS / 20);
    for (const memory of kept) {
      const response = await t.app.inject({
        url: `/memories/${memory.id}?user_id=fuzz-keeper`,
        headers: { authorization },
      });
      expect(response.json().memory.content).toBe(memory.content);
    }
    for (const added of foreign) {
      const untouched = await t.app.inject({
        url: `/memories/${added.memory.id}?user_id=${added.memory.user_id}${added.memory.agent_id ? `&agent_id=${added.memory.agent_id}` : ''}`,
        headers: { authorization: `Bearer ${other?.secret}` },
      });
      expect(untouched.json().memory.content).toBe(added.memory.content);
    }
  });
});
