import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../src/adapters/chroma/free-port.js';
import { ManagedChroma } from '../../../src/adapters/chroma/managed-chroma.js';
import { queryRows } from '../../../src/adapters/postgres/database.js';
import { openEmbeddedDatabase } from '../../../src/adapters/postgres/embedded/embedded-database.js';
import { buildLegacyStore, type LegacyFixture } from '../../support/legacy-fixture.js';
import { TEST_EMBEDDINGS_CACHE, testEmbedder } from '../../support/test-app.js';

const BIN = path.resolve(import.meta.dirname, '../../../bin/engram.mjs');
const temporary: string[] = [];
let legacyDirectory: string;
let legacy: ManagedChroma;
let legacyUrl: string;
let fixture: LegacyFixture;

interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

beforeAll(async () => {
  await testEmbedder(); // the shared GloVe cache the CLI's DATA_DIR links to
  legacyDirectory = await temporaryDirectory('engram-legacy-source-');
  legacy = new ManagedChroma({ persistDirectory: legacyDirectory, restart: false });
  legacyUrl = await legacy.start();
  fixture = await buildLegacyStore(legacyUrl, 400, 3);
}, 120_000);

afterAll(async () => {
  await legacy?.stop();
  for (const directory of temporary) await rm(directory, { recursive: true, force: true });
});

async function temporaryDirectory(prefix: string): Promise<string> {
  const directory = await mkdtemp(path.join(os.tmpdir(), prefix));
  temporary.push(directory);
  return directory;
}

/** A fresh DATA_DIR whose GloVe cache is the shared test one (no 15 s conversion per run). */
async function dataDirectory(): Promise<string> {
  const directory = await temporaryDirectory('engram-import-data-');
  await symlink(TEST_EMBEDDINGS_CACHE, path.join(directory, 'embeddings'));
  return directory;
}

function runCli(
  args: readonly string[],
  dataDir: string,
  killWhen?: (stderr: string) => boolean,
): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  for (const name of ['DATABASE_URL', 'CHROMA_URL', 'CHROMA_PERSIST_DIRECTORY']) delete env[name];
  return new Promise((resolve) => {
    const child: ChildProcess = spawn(process.execPath, [BIN, 'import-legacy', ...args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
      if (killWhen?.(stderr) && child.exitCode === null) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** The numbers of the `total` row of the n-th table printed (0: import, 1: verification). */
function totals(stdout: string, table: number): number[] {
  const rows = stdout.split('\n').filter((line) => line.startsWith('total '));
  return (rows[table] ?? '').trim().split(/\s+/).slice(1).map(Number);
}

async function fileHashes(directory: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const entry of await readdir(directory, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    hashes[path.relative(directory, file)] = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
  }
  return hashes;
}

const expected = (kind?: 'imported' | 'merged' | 'failed') =>
  fixture.count('ephemeral', kind) + fixture.count('model_memory', kind);

describe('engram import-legacy arguments', () => {
  it('exits 2 with usage when neither or both sources are given', async () => {
    const dataDir = await dataDirectory();
    const neither = await runCli([], dataDir);
    const both = await runCli(
      ['--chroma-url', legacyUrl, '--chroma-path', legacyDirectory],
      dataDir,
    );
    for (const run of [neither, both]) {
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('give exactly one of --chroma-url and --chroma-path');
      expect(run.stderr).toContain('usage: engram import-legacy');
    }
  });

  it('exits 2 when the legacy Chroma cannot be reached', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const run = await runCli(['--chroma-url', url], await dataDirectory());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`cannot reach the legacy Chroma at ${url}`);
  });

  it('exits 2 when a requested collection does not exist', async () => {
    const run = await runCli(
      ['--chroma-url', legacyUrl, '--collections', 'ephemeral,episodic'],
      await dataDirectory(),
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('collection episodic not found');
  });
});

describe('engram import-legacy', () => {
  it('--dry-run prints counts and a sample and writes nothing', async () => {
    const dataDir = await dataDirectory();
    const run = await runCli(['--chroma-url', legacyUrl, '--dry-run'], dataDir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('dry run: nothing was written');
    expect(totals(run.stdout, 0)).toEqual([
      expected(),
      expected() - expected('failed'),
      expected('failed'),
    ]);
    expect(run.stdout).toContain('sample:');
    expect(await readdir(dataDir)).toEqual(['embeddings']);
  });

  it('killed mid-run, a rerun finishes with exact totals and no duplicates', async () => {
    const dataDir = await dataDirectory();
    const tenth = Math.ceil(expected() / 10);
    const killed = await runCli(
      ['--chroma-url', legacyUrl, '--batch-size', '50'],
      dataDir,
      (stderr) => {
        const done = [...stderr.matchAll(/ (\d+)\/\d+ /g)].map((match) => Number(match[1]));
        return done.some((count) => count >= 2 * tenth);
      },
    );
    expect(killed.signal).toBe('SIGKILL');

    const rerun = await runCli(['--chroma-url', legacyUrl, '--batch-size', '50'], dataDir);

    expect(rerun.code).toBe(1); // the fixture's bad records failed
    const [source, imported, present, merged, failed] = totals(rerun.stdout, 0);
    expect(source).toBe(expected());
    expect(present).toBeGreaterThan(0);
    expect(imported).toBeGreaterThan(0);
    expect((imported ?? 0) + (present ?? 0)).toBe(expected('imported'));
    expect([merged, failed]).toEqual([expected('merged'), expected('failed')]);
    expect(totals(rerun.stdout, 1)).toEqual([
      expected(),
      expected('imported'),
      expected('merged'),
      expected('failed'),
      0,
      0,
    ]);
    const failures = (await readdir(dataDir)).filter((name) => name.startsWith('import-failures-'));
    expect(failures.length).toBeGreaterThan(0);

    const database = await openEmbeddedDatabase(dataDir);
    try {
      const [row] = await queryRows<{ migrated: number; stray: number; pending: number }>(
        database.db,
        sql`select
          (select count(*)::int from memories where migrated_from is not null) as migrated,
          (select count(*)::int from memories where migrated_from is null and parent_id is null) as stray,
          (select count(*)::int from outbox where status = 'pending') as pending`,
      );
      expect(row).toEqual({ migrated: expected('imported'), stray: 0, pending: 0 });
    } finally {
      await database.close();
    }

    const verified = await runCli(['--chroma-url', legacyUrl, '--verify'], dataDir);
    expect(verified.code).toBe(0);

    const database2 = await openEmbeddedDatabase(dataDir);
    const altered = fixture.records.find((record) => record.expected === 'imported');
    try {
      await database2.db.execute(
        sql`update memories set content = 'altered' where migrated_from = ${`${altered?.collection}/${altered?.id}`}`,
      );
    } finally {
      await database2.close();
    }
    const failuresFile = path.join(dataDir, 'verify-failures.jsonl');
    const reverified = await runCli(
      ['--chroma-url', legacyUrl, '--verify', '--failures', failuresFile],
      dataDir,
    );
    expect(reverified.code).toBe(1);
    expect(totals(reverified.stdout, 0).at(-1)).toBe(1);
    expect(JSON.parse(await readFile(failuresFile, 'utf8'))).toEqual({
      collection: altered?.collection,
      id: altered?.id,
      reason: 'verify: mismatched',
    });
    // Four CLI runs over the whole fixture: minutes on a loaded two-core machine.
  }, 900_000);

  it('--chroma-path imports from a persist directory and leaves its files byte-identical', async () => {
    await legacy.stop();
    const before = await fileHashes(legacyDirectory);
    const dataDir = await dataDirectory();

    const run = await runCli(
      ['--chroma-path', legacyDirectory, '--collections', 'model_memory'],
      dataDir,
    );

    expect(run.code).toBe(1); // the fixture's bad records failed
    expect(totals(run.stdout, 0)).toEqual([
      fixture.count('model_memory'),
      fixture.count('model_memory', 'imported'),
      0,
      fixture.count('model_memory', 'merged'),
      fixture.count('model_memory', 'failed'),
    ]);
    expect(await fileHashes(legacyDirectory)).toEqual(before);
  }, 180_000);
});
