import { afterEach, describe, expect, it } from 'vitest';
import {
  type DatabaseHandle,
  openMemoryDatabase,
  openServerDatabase,
} from '../../../src/adapters/postgres/database.js';
import { lockFor } from '../../../src/adapters/postgres/pg-advisory-lock.js';
import { createEmptyDatabase } from '../../support/test-databases.js';

const handles: DatabaseHandle[] = [];

afterEach(async () => {
  for (const handle of handles.reverse()) await handle.close();
  handles.length = 0;
});

/** Two handles on one fresh server database, as two replicas would open it. */
async function twoReplicas(): Promise<[DatabaseHandle, DatabaseHandle]> {
  const first = await createEmptyDatabase('postgres');
  handles.push(first);
  const second = openServerDatabase(first.location);
  handles.push(second);
  return [first, second];
}

describe('advisory lock on a PostgreSQL server', () => {
  it('skips the work while another process holds the lock', async () => {
    const [first, second] = await twoReplicas();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let entered: () => void = () => {};
    const inside = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const holder = lockFor(first).tryWith('reconciler', async () => {
      entered();
      await held;
      return 'first';
    });
    await inside;

    const contender = await lockFor(second).tryWith('reconciler', async () => 'second');

    release();
    expect(contender).toEqual({ acquired: false });
    expect(await holder).toEqual({ acquired: true, value: 'first' });
  });

  it('lets the other process in once the holder is done', async () => {
    const [first, second] = await twoReplicas();
    await lockFor(first).tryWith('reconciler', async () => 'first');

    const outcome = await lockFor(second).tryWith('reconciler', async () => 'second');

    expect(outcome).toEqual({ acquired: true, value: 'second' });
  });

  it('releases the lock when the work throws', async () => {
    const [first, second] = await twoReplicas();
    await expect(
      lockFor(first).tryWith('reconciler', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');

    const outcome = await lockFor(second).tryWith('reconciler', async () => 'second');

    expect(outcome).toEqual({ acquired: true, value: 'second' });
  });

  it('does not block a lock of another name', async () => {
    const [first, second] = await twoReplicas();
    const outcome = await lockFor(first).tryWith('reconciler', () =>
      lockFor(second).tryWith('other', async () => 'other'),
    );

    expect(outcome).toEqual({ acquired: true, value: { acquired: true, value: 'other' } });
  });
});

it('always runs the work on embedded PGlite (one process by construction)', async () => {
  const handle = await openMemoryDatabase();
  handles.push(handle);

  const outcome = await lockFor(handle).tryWith('reconciler', async () => 42);

  expect(outcome).toEqual({ acquired: true, value: 42 });
});
