import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/adapters/postgres/database.js';
import { openEmbeddedDatabase } from '../../../src/adapters/postgres/embedded/embedded-database.js';
import { MIGRATIONS_DIR, migrateUp } from '../../../src/adapters/postgres/migrator.js';
import { scopeOf } from '../../../src/domain/scope.js';
import { seedMemories } from '../../support/seed-memories.js';
import { countEveryTable, seedEveryTable } from '../backup/backup-fixture.js';

const CHILD = path.resolve(import.meta.dirname, '../../support/embedded-postgres-child.ts');
const directories: string[] = [];
const children: ChildProcess[] = [];

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const directory of directories) await rm(directory, { recursive: true, force: true });
});

async function dataDir(): Promise<string> {
  const directory = await mkdtemp(path.join(tmpdir(), 'engram-managed-pg-'));
  directories.push(directory);
  return directory;
}

/** Starts the child on `directory` and resolves with it and the pid of one postgres process it runs. */
function startChild(directory: string, mode: 'die' | 'hold') {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, directory, mode], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise<{ child: ChildProcess; postgresPid: number }>((resolve, reject) => {
    let stdout = '';
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
      const pid = /ready (\d+)/.exec(stdout)?.[1];
      if (pid) resolve({ child, postgresPid: Number(pid) });
    });
    child.on('exit', (code) => {
      if (!/ready/.test(stdout)) reject(new Error(`child exited (${code}) before ready`));
    });
  });
}

/** True while `pid` runs; a zombie (an orphan nobody reaped yet) does not count. */
function running(pid: number): boolean {
  try {
    return !/^State:\s*Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

async function waitUntil(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

async function waitUntilAsync(condition: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

/** True when `pid` runs as root with root's powers: uid 0 outside any user namespace. */
async function runsAsRoot(pid: number): Promise<boolean> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const uid = Number(/^Uid:\s*(\d+)/m.exec(status)?.[1]);
  const map = (await readFile(`/proc/${pid}/uid_map`, 'utf8')).trim().split(/\s+/);
  return uid === 0 && map[0] === '0' && map[1] === '0';
}

describe('the embedded PostgreSQL server', () => {
  it('is a real PostgreSQL on the node-postgres path, not running as root, and restarts with its data', async () => {
    const directory = await dataDir();
    const first = await openEmbeddedDatabase(directory);
    try {
      expect(first.engine).toBe('postgres');
      expect(first.location).toBe(path.join(directory, 'postgres'));
      await migrateUp(first.db);
      await seedEveryTable(first.db);
      const [row] = await queryRows<{ pid: number; autovacuum: string }>(
        first.db,
        sql`select pg_backend_pid() as pid, current_setting('autovacuum') as autovacuum`,
      );
      expect(row?.autovacuum).toBe('on');
      expect(await runsAsRoot(row?.pid ?? 0)).toBe(false);
    } finally {
      await first.close();
    }
    expect(existsSync(path.join(directory, 'postgres', 'postmaster.pid'))).toBe(false);
    const second = await openEmbeddedDatabase(directory);
    try {
      expect((await countEveryTable(second.db))['memories']).toBe(3);
    } finally {
      await second.close();
    }
  });

  it('stops when Engram dies by SIGKILL', async () => {
    const directory = await dataDir();
    const { child, postgresPid } = await startChild(directory, 'die');
    await new Promise((resolve) => child.once('exit', resolve));
    // A clean shutdown: the postmaster gone and its pid file removed (it may remove the file just
    // after its pid stops showing under load, so both are awaited).
    const pidFile = path.join(directory, 'postgres', 'postmaster.pid');
    expect(await waitUntil(() => !running(postgresPid) && !existsSync(pidFile), 15_000)).toBe(true);
    expect(existsSync(path.join(directory, 'engram.lock'))).toBe(true); // left by the dead holder
    const again = await openEmbeddedDatabase(directory);
    try {
      const [row] = await queryRows<{ n: number }>(
        again.db,
        sql`select count(*)::int as n from crash_probe`,
      );
      expect(row?.n).toBe(1); // the write acknowledged before the kill survived
    } finally {
      await again.close();
    }
  });

  it('stops a server left over when Engram and its watchdog were both killed', async () => {
    const directory = await dataDir();
    const { child } = await startChild(directory, 'hold');
    const postmaster = Number(
      (await readFile(path.join(directory, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0],
    );
    // Kill the whole tree but the postmaster: the watchdog first, so it cannot stop the server.
    const watchdogs = (await readFile(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8'))
      .trim()
      .split(/\s+/)
      .map(Number);
    for (const pid of watchdogs) process.kill(pid, 'SIGKILL');
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(running(postmaster)).toBe(true);
    const notices: string[] = [];
    const again = await openEmbeddedDatabase(directory, { onNotice: (line) => notices.push(line) });
    try {
      expect(running(postmaster)).toBe(false);
      expect(notices.join('\n')).toContain('stopped a PostgreSQL server left by an earlier run');
    } finally {
      await again.close();
    }
  });

  it('moves an existing PGlite data directory into it, keeping the old directory', async () => {
    const directory = await dataDir();
    const pglite = await openEmbeddedDatabase(directory, { engine: 'pglite' });
    await migrateUp(pglite.db);
    await seedEveryTable(pglite.db);
    const before = await countEveryTable(pglite.db);
    await pglite.close();

    const notices: string[] = [];
    const moved = await openEmbeddedDatabase(directory, { onNotice: (line) => notices.push(line) });
    try {
      expect(moved.engine).toBe('postgres');
      expect(await countEveryTable(moved.db)).toEqual(before);
      expect(notices.join('\n')).toMatch(
        /moved the PGlite database into the embedded PostgreSQL server \(24 rows\); the old directory is kept at .*pgdata\.moved-to-postgres/,
      );
    } finally {
      await moved.close();
    }
    expect(existsSync(path.join(directory, 'pgdata'))).toBe(false);
    expect(existsSync(path.join(directory, 'pgdata.moved-to-postgres', 'PG_VERSION'))).toBe(true);
    const kept = await openEmbeddedDatabase(directory, { engine: 'postgres' });
    try {
      expect(await countEveryTable(kept.db)).toEqual(before); // no second move
    } finally {
      await kept.close();
    }
  });

  it('moves a PGlite directory an older Engram left some migrations behind', async () => {
    const directory = await dataDir();
    const olderMigrations = path.join(directory, 'older-migrations');
    await cp(MIGRATIONS_DIR, olderMigrations, { recursive: true });
    const journalFile = path.join(olderMigrations, 'meta', '_journal.json');
    const journal = JSON.parse(await readFile(journalFile, 'utf8')) as { entries: unknown[] };
    await writeFile(
      journalFile,
      JSON.stringify({ ...journal, entries: journal.entries.slice(0, -1) }),
    );
    const pglite = await openEmbeddedDatabase(directory, { engine: 'pglite' });
    await migrateUp(pglite.db, olderMigrations);
    const [id] = await seedMemories(pglite.db, scopeOf('ada'), ['I live in Lisbon.']);
    await pglite.close();

    const moved = await openEmbeddedDatabase(directory);
    try {
      expect(moved.engine).toBe('postgres');
      const rows = await queryRows<{ id: string; content: string }>(
        moved.db,
        sql`select id, content from memories where user_id = 'ada'`,
      );
      expect(rows).toEqual([{ id, content: 'I live in Lisbon.' }]);
    } finally {
      await moved.close();
    }
  });

  it('restarts the server when it dies while Engram runs', async () => {
    const directory = await dataDir();
    const notices: string[] = [];
    const database = await openEmbeddedDatabase(directory, {
      onNotice: (line) => notices.push(line),
    });
    try {
      const postmaster = Number(
        (await readFile(path.join(directory, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0],
      );
      process.kill(postmaster, 'SIGKILL');
      // A backend can still answer for a moment after its postmaster died: wait for the restart.
      const answered = await waitUntilAsync(async () => {
        if (!notices.includes('the embedded PostgreSQL server restarted')) return false;
        const rows = await queryRows<{ one: number }>(database.db, sql`select 1 as one`).catch(
          () => [],
        );
        return rows[0]?.one === 1;
      }, 30_000);
      expect(answered).toBe(true);
      expect(notices).toContain('the embedded PostgreSQL server restarted');
    } finally {
      await database.close();
    }
  });
});
