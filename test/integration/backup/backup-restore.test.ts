import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeBackup } from '../../../src/adapters/postgres/backup/backup-writer.js';
import { restoreBackup } from '../../../src/adapters/postgres/backup/restore-backup.js';
import type { DatabaseHandle } from '../../../src/adapters/postgres/database.js';
import { memoryHistory } from '../../../src/adapters/postgres/schema.js';
import {
  createEmptyDatabase,
  createMigratedDatabase,
  type DatabaseKind,
  MIGRATION_TAGS,
} from '../../support/test-databases.js';
import { countEveryTable, seedEveryTable, snapshotEveryTable } from './backup-fixture.js';

let directory: string;
const handles: DatabaseHandle[] = [];

async function open(kind: DatabaseKind, migrated = true): Promise<DatabaseHandle> {
  const handle = migrated ? await createMigratedDatabase(kind) : await createEmptyDatabase(kind);
  handles.push(handle);
  return handle;
}

async function seededBackup(kind: DatabaseKind, name: string) {
  const source = await open(kind);
  await seedEveryTable(source.db);
  const file = path.join(directory, name);
  // A page size of 2 makes every table span several keyset pages.
  await writeBackup(source.db, file, { pageSize: 2 });
  return { source, file };
}

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'engram-backup-test-'));
});
afterEach(async () => {
  for (const handle of handles.splice(0)) await handle.close();
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe.each([
  ['pglite', 'pglite'],
  ['pglite', 'postgres'],
  ['postgres', 'pglite'],
] as const)('backup from %s restored into %s', (from, to) => {
  it('reproduces every row of every table into an empty database', async () => {
    const { source, file } = await seededBackup(from, `${from}-${to}-empty.engram.gz`);
    const target = await open(to, false);
    const summary = await restoreBackup(target.db, file);
    expect(summary.migrationsApplied).toEqual(MIGRATION_TAGS);
    expect(await snapshotEveryTable(target.db)).toEqual(await snapshotEveryTable(source.db));
  });

  it('continues bigserial sequences after the restored ids', async () => {
    const { file } = await seededBackup(from, `${from}-${to}-sequence.engram.gz`);
    const target = await open(to);
    await restoreBackup(target.db, file);
    const [row] = await target.db
      .insert(memoryHistory)
      .values({ memoryId: 'ffffffff-0000-4000-8000-000000000001', event: 'delete' })
      .returning({ id: memoryHistory.id });
    expect(row?.id).toBe(4);
  });
});

describe('backup file', () => {
  it('starts with a versioned header naming migrations and row counts', async () => {
    const { file } = await seededBackup('pglite', 'header.engram.gz');
    const [first] = gunzipSync(await readFile(file))
      .toString('utf8')
      .split('\n');
    const header = JSON.parse(first ?? '');
    expect(header).toMatchObject({
      format: 'engram-backup',
      version: 1,
      migrations: MIGRATION_TAGS,
    });
    const rows = Object.fromEntries(
      header.tables.map((table: { name: string; rows: number }) => [table.name, table.rows]),
    );
    expect(rows).toEqual({
      api_keys: 1,
      entities: 3,
      entity_aliases: 3,
      entity_history: 0,
      forget_jobs: 0,
      memories: 3,
      memory_entities: 4,
      memory_history: 3,
      outbox: 2,
      relationships: 2,
      relationship_evidence: 2,
      settings: 1,
    });
  });

  it('is refused on a database without an Engram schema', async () => {
    const source = await open('pglite', false);
    await expect(writeBackup(source.db, path.join(directory, 'none.gz'))).rejects.toThrow(
      /no Engram schema/,
    );
  });
});

describe('restore into a non-empty database', () => {
  it('is refused without force and leaves the target unchanged', async () => {
    const { file } = await seededBackup('pglite', 'refuse.engram.gz');
    const target = await open('postgres');
    await target.db
      .insert(memoryHistory)
      .values({ memoryId: 'ffffffff-0000-4000-8000-00000000000a', event: 'add' });
    const before = await snapshotEveryTable(target.db);
    await expect(restoreBackup(target.db, file)).rejects.toThrow(/not empty .*--force/);
    expect(await snapshotEveryTable(target.db)).toEqual(before);
  });

  it('replaces the contents with force', async () => {
    const { source, file } = await seededBackup('postgres', 'force.engram.gz');
    const target = await open('pglite');
    await seedEveryTable(target.db);
    await target.db
      .insert(memoryHistory)
      .values({ memoryId: 'ffffffff-0000-4000-8000-00000000000a', event: 'add' });
    await restoreBackup(target.db, file, { force: true });
    expect(await snapshotEveryTable(target.db)).toEqual(await snapshotEveryTable(source.db));
  });
});

describe('restore of a bad file', () => {
  it('names a missing file', async () => {
    const target = await open('pglite');
    await expect(restoreBackup(target.db, path.join(directory, 'absent.gz'))).rejects.toThrow(
      /backup file .*absent\.gz not found/,
    );
  });

  it('rejects a file that is not gzip', async () => {
    const file = path.join(directory, 'plain.txt');
    await writeFile(file, 'hello, not a backup\n');
    const target = await open('pglite');
    await expect(restoreBackup(target.db, file)).rejects.toThrow(/not a readable gzip backup/);
  });

  it('rejects gzip JSON that is not an Engram backup', async () => {
    const file = path.join(directory, 'other.json.gz');
    await writeFile(file, gzipSync('{"format":"something-else"}\n'));
    const target = await open('pglite');
    await expect(restoreBackup(target.db, file)).rejects.toThrow(/is not an Engram backup/);
  });

  it('rejects a newer format version with a clear message', async () => {
    const file = path.join(directory, 'future.gz');
    const header = { format: 'engram-backup', version: 99, migrations: [], tables: [] };
    await writeFile(file, gzipSync(`${JSON.stringify(header)}\n`));
    const target = await open('pglite');
    await expect(restoreBackup(target.db, file)).rejects.toThrow(/version 99.*upgrade Engram/);
  });

  it('rejects a truncated file and leaves the target empty', async () => {
    const { file } = await seededBackup('pglite', 'whole.engram.gz');
    const bytes = await readFile(file);
    const truncated = path.join(directory, 'truncated.engram.gz');
    await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    const target = await open('postgres');
    await expect(restoreBackup(target.db, truncated)).rejects.toThrow(/corrupted or truncated/);
    expect(Object.values(await countEveryTable(target.db)).every((n) => n === 0)).toBe(true);
  });

  it('rejects a file cut cleanly before its footer', async () => {
    const { file } = await seededBackup('pglite', 'footer.engram.gz');
    const lines = gunzipSync(await readFile(file))
      .toString('utf8')
      .trimEnd()
      .split('\n');
    const cut = path.join(directory, 'no-footer.engram.gz');
    await writeFile(cut, gzipSync(`${lines.slice(0, -3).join('\n')}\n`));
    const target = await open('pglite');
    await expect(restoreBackup(target.db, cut)).rejects.toThrow(
      /truncated: it ends before its footer/,
    );
    expect(Object.values(await countEveryTable(target.db)).every((n) => n === 0)).toBe(true);
  });
});

describe('after restore', () => {
  it('calls the afterRestore hook with the restored database', async () => {
    const { file } = await seededBackup('pglite', 'hook.engram.gz');
    const target = await open('pglite');
    const seen: Record<string, number>[] = [];
    await restoreBackup(target.db, file, {
      afterRestore: async (db) => {
        seen.push(await countEveryTable(db));
      },
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.['memories']).toBe(3);
  });
});
