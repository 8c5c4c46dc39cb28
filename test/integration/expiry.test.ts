import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type DatabaseHandle,
  openServerDatabase,
  queryRows,
} from '../../src/adapters/postgres/database.js';
import { lockFor } from '../../src/adapters/postgres/pg-advisory-lock.js';
import { PgExpiryStore } from '../../src/adapters/postgres/pg-expiry-store.js';
import { PROCESS_LOCAL_LOCK } from '../../src/ports/lock.js';
import { ExpirySweeper } from '../../src/services/expiry/expiry-sweeper.js';
import { testEmbedder } from '../support/test-app.js';
import { DATABASE_KINDS } from '../support/test-databases.js';
import { testServices } from '../support/test-services.js';
import { useTestApp } from '../support/use-test-app.js';

/** A fixed clock that moves 1 ms per reading and jumps when told. */
function jumpingClock(start = Date.parse('2026-01-01T00:00:00Z')) {
  let at = start;
  return {
    now: () => {
      at += 1;
      return new Date(at);
    },
    advance: (ms: number) => {
      at += ms;
    },
  };
}

describe.each(DATABASE_KINDS)('expiry on %s', (kind) => {
  const clock = jumpingClock();
  const t = useTestApp({ database: kind, clock });
  const user = 'expiry-user';
  let expiring: { id: string; expires_at: string; created_at: string };

  const add = (payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/memories', payload: { user_id: user, ...payload } });
  const searchIds = async (query: string) =>
    (
      await t.app.inject({
        method: 'POST',
        url: '/memories/search',
        payload: { query, user_id: user, top_k: 10 },
      })
    )
      .json()
      .results.map(
        (r: { memory: { id: string; parent_id: string | null } }) =>
          r.memory.parent_id ?? r.memory.id,
      );

  beforeAll(async () => {
    const response = await add({ content: 'Quentin booked a trip to Zanzibar.', ttl_seconds: 60 });
    expect(response.statusCode).toBe(201);
    expiring = response.json().memory;
    await add({ content: 'Quentin also likes Lisbon.', memory_type: 'model_memory' });
  });

  it('stores the expiry from ttl_seconds', () => {
    expect(Date.parse(expiring.expires_at) - Date.parse(expiring.created_at)).toBe(60_000);
  });

  it('an expired memory leaves search at once, and the backlog shows it', async () => {
    expect(await searchIds('Zanzibar trip')).toContain(expiring.id);
    clock.advance(61_000);
    expect(await searchIds('Zanzibar trip')).not.toContain(expiring.id);
    const ready = (await t.app.inject({ url: '/ready' })).json();
    expect(ready.checks.expiry.detail).toEqual({ backlog: 1 });
    expect((await t.app.inject({ url: '/metrics' })).body).toContain('expiry_backlog 1');
  });

  it('the sweep deletes the row, its vectors and the entities only it named', async () => {
    const report = await t.services.expiry.sweep();
    expect(report.memories).toBe(1);
    expect(
      (await t.app.inject({ url: `/memories/${expiring.id}?user_id=${user}` })).statusCode,
    ).toBe(404);
    const zanzibar = await t.app.inject({ url: `/entities?user_id=${user}&name=zanzibar` });
    expect(zanzibar.json().entities).toEqual([]);
    const quentin = await t.app.inject({ url: `/entities?user_id=${user}&name=quentin` });
    expect(quentin.json().entities).toHaveLength(1);
    const [embedding] = await (await testEmbedder()).embed(['Quentin booked a trip to Zanzibar.']);
    const hits = await t.vectors.query({
      embedding: embedding ?? [],
      scope: { tenant: 'default', userId: user, agentId: '' },
      topK: 10,
    });
    expect(hits.map((hit) => hit.id)).not.toContain(expiring.id);
    expect(await t.services.expiry.backlog()).toBe(0);
  });

  it('rejects expires_at in the past, and both ways at once, with 400', async () => {
    expect(
      (await add({ content: 'Old news.', expires_at: '2020-01-01T00:00:00Z' })).statusCode,
    ).toBe(400);
    const both = await add({
      content: 'Both.',
      expires_at: '2030-01-01T00:00:00Z',
      ttl_seconds: 5,
    });
    expect(both.statusCode).toBe(400);
    expect((await add({ content: 'Zero.', ttl_seconds: 0 })).statusCode).toBe(400);
  });

  it('EPHEMERAL_TTL gives ephemeral memories a default, not model memories', async () => {
    const services = testServices(
      t.database,
      { store: t.store, vectors: t.vectors, embedder: await testEmbedder(), clock },
      { ephemeralTtlSeconds: 3600 },
    );
    const scope = { tenant: 'default', userId: 'ttl-user', agentId: '' };
    const ephemeral = await services.writer.add({ content: 'Short lived note.', scope });
    expect(ephemeral.memory.expiresAt!.getTime() - ephemeral.memory.createdAt.getTime()).toBe(
      3_600_000,
    );
    const kept = await services.writer.add({
      content: 'Kept note.',
      scope,
      memoryType: 'model_memory',
    });
    expect(kept.memory.expiresAt).toBeNull();
  });

  describe('two sweepers at once', () => {
    let other: DatabaseHandle;
    beforeAll(async () => {
      other = kind === 'postgres' ? openServerDatabase(t.database.location) : t.database;
      return async () => {
        if (other !== t.database) await other.close();
      };
    });

    for (const locked of [true, false]) {
      it(`delete each memory once (${locked ? 'with' : 'without'} the sweep lock)`, async () => {
        const tag = locked ? 'locked' : 'skip';
        for (let i = 0; i < 24; i += 1)
          expect(
            (
              await add({
                content: `note ${tag} ${i} about nothing`,
                ttl_seconds: 1,
                user_id: `sweep-${tag}`,
              })
            ).statusCode,
          ).toBe(201);
        clock.advance(2_000);
        const sweeper = (handle: DatabaseHandle) =>
          new ExpirySweeper({
            expiry: new PgExpiryStore(handle.db),
            index: t.services.index,
            clock,
            lock: locked ? lockFor(handle) : PROCESS_LOCAL_LOCK,
            batchSize: 4,
          });
        const reports = await Promise.all([sweeper(t.database).sweep(), sweeper(other).sweep()]);
        expect(reports[0].memories + reports[1].memories).toBe(24);
        const [row] = await queryRows<{ n: number }>(
          t.database.db,
          sql`select count(*)::int as n from memory_history where user_id = ${`sweep-${tag}`} and event = 'delete'`,
        );
        expect(row?.n).toBe(24);
      });
    }
  });
});
