import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/adapters/postgres/database.js';
import { PgForgetStore } from '../../src/adapters/postgres/pg-forget-store.js';
import { forgetSubjectHash } from '../../src/domain/forget-subject.js';
import type { ForgetStore } from '../../src/ports/forget-store.js';
import { ScopeForgetting } from '../../src/services/forget/scope-forgetting.js';
import { testEmbedder } from '../support/test-app.js';
import { DATABASE_KINDS } from '../support/test-databases.js';
import { testClock, useTestApp } from '../support/use-test-app.js';

const LONG = Array.from(
  { length: 12 },
  (_, i) => `Sam Carter visited Boston on trip number ${i} and met Ana at the harbour.`,
).join(' ');

/** A forget store whose third batch dies, as a process killed halfway would. */
function dyingAfterTwoBatches(real: ForgetStore): ForgetStore {
  let batches = 0;
  return {
    ...Object.fromEntries(
      (
        [
          'start',
          'unfinished',
          'deleteGraphAndHistory',
          'pendingVectors',
          'finish',
          'fail',
          'unfinishedCount',
        ] as const
      ).map((name) => [name, real[name].bind(real)]),
    ),
    deleteBatch: async (job, limit) => {
      batches += 1;
      if (batches > 2) throw new Error('injected crash');
      return real.deleteBatch(job, Math.min(limit, 2));
    },
  } as ForgetStore;
}

describe.each(DATABASE_KINDS)('forgetting a scope on %s', (kind) => {
  const t = useTestApp({ database: kind });
  const add = (content: string, user_id: string, agent_id?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/memories',
      payload: { content, user_id, ...(agent_id ? { agent_id } : {}) },
    });
  const countByUser = async (user: string) => {
    const counts: Record<string, number> = {};
    for (const table of ['memories', 'entities', 'memory_history', 'entity_history', 'outbox']) {
      const [row] = await queryRows<{ n: number }>(
        t.database.db,
        sql.raw(`select count(*)::int as n from ${table} where user_id = '${user}'`),
      );
      counts[table] = Number(row?.n ?? 0);
    }
    return counts;
  };
  const vectorsOf = async (userId: string, agentId: string) => {
    const [embedding] = await (await testEmbedder()).embed(['Sam Carter Boston Ana']);
    return t.vectors.query({
      embedding: embedding ?? [],
      scope: { tenant: 'default', userId, agentId },
      topK: 50,
    });
  };

  beforeAll(async () => {
    for (const content of ['Sam Carter works at Google.', 'Sammy lives in Boston.', LONG])
      expect((await add(content, 'forget-me')).statusCode).toBe(201);
    for (const content of ['Ana is married to Sammy.', 'I live in Denver.'])
      expect((await add(content, 'forget-me', 'bot')).statusCode).toBe(201);
    expect((await add('Sam Carter likes tea.', 'forget-me')).statusCode).toBe(201);
    for (const content of ['Keep this: Ana works at Stripe.', 'Keep Boston in mind.'])
      expect((await add(content, 'keep-me')).statusCode).toBe(201);
    const entities = (await t.app.inject({ url: '/entities?user_id=forget-me' })).json().entities;
    const id = (name: string) => entities.find((e: { text: string }) => e.text === name)?.id;
    const merged = await t.app.inject({
      method: 'POST',
      url: `/entities/${id('Sam Carter')}/merge?user_id=forget-me`,
      payload: { from_id: id('Sammy') },
    });
    expect(merged.statusCode).toBe(200);
  });

  it('a forget killed halfway is finished by resume and leaves no trace in Postgres or Chroma', async () => {
    expect((await vectorsOf('forget-me', '')).length).toBeGreaterThan(3);
    const dying = new ScopeForgetting({
      jobs: dyingAfterTwoBatches(new PgForgetStore(t.database.db)),
      index: t.services.index,
      clock: testClock(),
    });
    await expect(dying.forget('default', 'user', 'forget-me')).rejects.toThrow('injected crash');
    const halfway = await countByUser('forget-me');
    expect(halfway['memories']).toBeGreaterThan(0);
    expect(await t.services.forgetting.unfinished()).toBe(1);

    expect(await t.services.forgetting.resume()).toBe(1);

    expect(await countByUser('forget-me')).toEqual({
      memories: 0,
      entities: 0,
      memory_history: 0,
      entity_history: 0,
      outbox: 0,
    });
    expect(await vectorsOf('forget-me', '')).toEqual([]);
    expect(await vectorsOf('forget-me', 'bot')).toEqual([]);
    expect(await t.vectors.count()).toBe(await t.store.memories.countSearchUnits());
    const orphans = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from relationships r join entities e on e.id = r.source_entity_id where e.user_id = 'forget-me'`,
    );
    expect(orphans[0]?.n).toBe(0);
  });

  it('keeps a content-free audit record with the counts', async () => {
    const [job] = await queryRows<{
      subject: string | null;
      subject_hash: string;
      status: string;
      counts: Record<string, number>;
    }>(t.database.db, sql`select subject, subject_hash, status, counts from forget_jobs`);
    expect(job).toMatchObject({
      subject: null,
      subject_hash: forgetSubjectHash('user', 'forget-me'),
      status: 'done',
    });
    expect(job?.counts['memories']).toBe(6);
    expect(job?.counts['entities']).toBeGreaterThan(3);
  });

  it('leaves other users alone', async () => {
    const kept = await countByUser('keep-me');
    expect(kept['memories']).toBe(2);
    const search = await t.app.inject({
      method: 'POST',
      url: '/memories/search',
      payload: { query: 'Where does Ana work?', user_id: 'keep-me' },
    });
    expect(search.json().results.length).toBeGreaterThan(0);
  });

  it('DELETE /users/{id} reports what it removed, and /metrics counts it', async () => {
    const response = await t.app.inject({ method: 'DELETE', url: '/users/keep-me' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      scope_kind: 'user',
      status: 'done',
      forgotten: { memories: 2, vectors: 2 },
    });
    expect((await countByUser('keep-me'))['memories']).toBe(0);
    const metrics = (await t.app.inject({ url: '/metrics' })).body;
    expect(metrics).toContain('scopes_forgotten_total{scope_kind="user"} 1');
    expect(metrics).toContain('forget_jobs_unfinished 0');
    const ready = (await t.app.inject({ url: '/ready' })).json();
    expect(ready.checks.forget.detail).toEqual({ unfinished: 0 });
  });

  it('DELETE /agents/{id} forgets an agent across users; repeating it is harmless', async () => {
    expect((await add('The bot remembers Paris.', 'u1', 'agent-x')).statusCode).toBe(201);
    expect((await add('The bot remembers Rome.', 'u2', 'agent-x')).statusCode).toBe(201);
    const first = await t.app.inject({ method: 'DELETE', url: '/agents/agent-x' });
    expect(first.json().forgotten.memories).toBe(2);
    const again = await t.app.inject({ method: 'DELETE', url: '/agents/agent-x' });
    expect(again.statusCode).toBe(200);
    expect(again.json().forgotten.memories).toBe(0);
  });
});
