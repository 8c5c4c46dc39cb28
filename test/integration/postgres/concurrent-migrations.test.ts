import { sql } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import {
  type DatabaseHandle,
  openServerDatabase,
  queryRows,
} from '../../../src/adapters/postgres/database.js';
import { migrateUp, pendingMigrations } from '../../../src/adapters/postgres/migrator.js';
import { createEmptyDatabase } from '../../support/test-databases.js';

const handles: DatabaseHandle[] = [];

afterEach(async () => {
  // The second pool first: the first handle's close drops the database.
  for (const handle of handles.reverse()) await handle.close();
  handles.length = 0;
});

it('applies every migration exactly once when two processes migrate a fresh server at once', async () => {
  const first = await createEmptyDatabase('postgres');
  handles.push(first);
  const second = openServerDatabase(first.location);
  handles.push(second);

  const [left, right] = await Promise.all([migrateUp(first.db), migrateUp(second.db)]);

  const everything = [...left, ...right].sort();
  const tags = await queryRows<{ tag: string }>(
    first.db,
    sql`select tag from engram_migrations order by tag`,
  );
  expect(everything).toEqual(tags.map((row) => row.tag));
  expect([left.length, right.length].sort()).toEqual([0, tags.length]);
  expect(await pendingMigrations(second.db)).toEqual([]);
});
