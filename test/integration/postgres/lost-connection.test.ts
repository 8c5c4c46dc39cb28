import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const chromaUrl = inject('chromaUrl');

describe('a PostgreSQL server that drops the connection', () => {
  let t: TestApp;
  let admin: pg.Client;

  beforeAll(async () => {
    t = await createTestApp({ chromaUrl, database: 'postgres' });
    admin = new pg.Client({ connectionString: t.database.location });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await t?.close();
  });

  /**
   * Holds a lock on `table` so that `request` blocks on it, then terminates every other backend
   * of the database (as `pg_terminate_backend` or a server restart would) and returns the answer.
   */
  async function dropConnectionDuring<T>(table: string, request: () => Promise<T>): Promise<T> {
    await admin.query('begin');
    await admin.query(`lock table ${table} in access exclusive mode`);
    const answer = request();
    try {
      await waitForLockWaiter();
      await admin.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
         where datname = current_database() and pid <> pg_backend_pid()`,
      );
    } finally {
      await admin.query('rollback');
    }
    return answer;
  }

  async function waitForLockWaiter(): Promise<void> {
    for (let attempt = 0; attempt < 1500; attempt += 1) {
      // Inside a transaction pg_stat_activity is a snapshot: take a fresh one each time.
      await admin.query('select pg_stat_clear_snapshot()');
      const { rows } = await admin.query(
        `select count(*)::int as waiting from pg_stat_activity
         where datname = current_database() and wait_event_type = 'Lock'`,
      );
      if (rows[0].waiting > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('the request never waited for the lock');
  }

  it('answers a read with 503 upstream_unavailable', async () => {
    const response = await dropConnectionDuring('memories', () =>
      t.app.inject({ url: `/memories/${randomUUID()}?user_id=alice` }),
    );

    expect(response.statusCode).toBe(503);
    expect(response.json().code).toBe('upstream_unavailable');
  });

  it('answers a write whose transaction loses its connection with 503 upstream_unavailable', async () => {
    const response = await dropConnectionDuring('memory_history', () =>
      t.app.inject({
        method: 'POST',
        url: '/memories',
        payload: { content: 'Priya keeps bees in Leeds.', user_id: 'alice' },
      }),
    );

    expect(response.statusCode).toBe(503);
    expect(response.json().code).toBe('upstream_unavailable');
  });

  it('serves again once the server accepts connections', async () => {
    const response = await t.app.inject({ url: `/memories/${randomUUID()}?user_id=alice` });

    expect(response.statusCode).toBe(404);
  });
});

describe('an embedded database that has been closed', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ chromaUrl });
    await t.database.close();
  });
  afterAll(async () => {
    await t?.app.close();
  });

  it('answers with 503 upstream_unavailable', async () => {
    const response = await t.app.inject({ url: `/memories/${randomUUID()}?user_id=alice` });

    expect(response.statusCode).toBe(503);
    expect(response.json().code).toBe('upstream_unavailable');
  });
});
