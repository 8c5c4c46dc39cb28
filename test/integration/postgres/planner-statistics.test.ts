import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type DatabaseHandle,
  openServerDatabase,
  queryRows,
} from '../../../src/adapters/postgres/database.js';
import { lockFor } from '../../../src/adapters/postgres/pg-advisory-lock.js';
import {
  autovacuumRuns,
  PgPlannerStatistics,
} from '../../../src/adapters/postgres/pg-planner-statistics.js';
import {
  STATISTICS_LOCK,
  StatisticsMaintenance,
} from '../../../src/services/maintenance/statistics-maintenance.js';
import { createMigratedDatabase, DATABASE_KINDS } from '../../support/test-databases.js';

const handles: DatabaseHandle[] = [];

afterEach(async () => {
  for (const handle of handles.reverse()) await handle.close();
  handles.length = 0;
});

async function insertMemories(database: DatabaseHandle, count: number): Promise<void> {
  await database.db.execute(sql`insert into memories (id, user_id, memory_type, content, content_hash)
    select gen_random_uuid(), 'u', 'ephemeral', 'turn ' || g, md5(gen_random_uuid()::text)
    from generate_series(1, ${count}) g`);
}

async function plannerRows(database: DatabaseHandle): Promise<number> {
  const [row] = await queryRows<{ reltuples: number }>(
    database.db,
    sql`select reltuples from pg_class where relname = 'memories'`,
  );
  return Number(row?.reltuples);
}

describe.each(DATABASE_KINDS)('planner statistics on %s', (kind) => {
  it('analyses a table after a large write and then leaves it alone', async () => {
    const database = await createMigratedDatabase(kind);
    handles.push(database);
    const statistics = new PgPlannerStatistics(database.db);
    await statistics.refresh();
    await insertMemories(database, 500);

    const analysed = await statistics.refresh();

    expect(analysed).toContain('public.memories');
    expect(await plannerRows(database)).toBe(500);
    expect(await statistics.refresh()).not.toContain('public.memories');
  });

  it('leaves a table alone after a write below a tenth of it', async () => {
    const database = await createMigratedDatabase(kind);
    handles.push(database);
    const statistics = new PgPlannerStatistics(database.db);
    await insertMemories(database, 1000);
    await statistics.refresh();
    await insertMemories(database, 60);

    expect(await statistics.refresh()).not.toContain('public.memories');
  });
});

it('reads whether the server runs autovacuum (the test server does not)', async () => {
  const database = await createMigratedDatabase('postgres');
  handles.push(database);
  const [setting] = await queryRows<{ on: boolean }>(
    database.db,
    sql`select current_setting('autovacuum') = 'on' and current_setting('track_counts') = 'on' as on`,
  );

  expect(await autovacuumRuns(database.db)).toBe(setting?.on);
});

it('skips a statistics pass while another replica holds the lock', async () => {
  const first = await createMigratedDatabase('postgres');
  handles.push(first);
  const second = openServerDatabase(first.location);
  handles.push(second);
  let passes = 0;
  const maintenance = new StatisticsMaintenance({
    statistics: {
      refresh: async () => {
        passes += 1;
        return ['public.memories'];
      },
    },
    lock: lockFor(second),
  });

  const whileHeld = await lockFor(first).tryWith(STATISTICS_LOCK, () => maintenance.refresh());
  const afterwards = await maintenance.refresh();

  expect(whileHeld).toEqual({ acquired: true, value: [] });
  expect(afterwards).toEqual(['public.memories']);
  expect(passes).toBe(1);
});
