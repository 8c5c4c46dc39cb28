import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedDatabase } from '../../../src/adapters/postgres/embedded/embedded-database.js';
import { migrateUp } from '../../../src/adapters/postgres/migrator.js';
import { runBackup } from '../../../src/cli/backup.js';
import type { CommandContext } from '../../../src/cli/command-context.js';
import { createRestoreCommand, runRestore } from '../../../src/cli/restore.js';
import { loadConfig } from '../../../src/config/config.js';
import { createLogger } from '../../../src/observability/logger.js';
import { createEmptyDatabase } from '../../support/test-databases.js';
import { countEveryTable, seedEveryTable } from './backup-fixture.js';

interface Captured {
  readonly context: CommandContext;
  stdout(): string;
  stderr(): string;
}

function capture(env: NodeJS.ProcessEnv): Captured {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (chunk) => out.push(String(chunk)));
  stderr.on('data', (chunk) => err.push(String(chunk)));
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  return {
    context: { config, logger: createLogger(config.log), stdout, stderr },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}

let directory: string;
let dataDir: string;
let file: string;
const server = { url: '', close: async () => {} };

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'engram-backup-cli-'));
  dataDir = path.join(directory, 'data');
  file = path.join(directory, 'engram.backup.gz');
  const embedded = await openEmbeddedDatabase(dataDir);
  await migrateUp(embedded.db);
  await seedEveryTable(embedded.db);
  await embedded.close();
  const handle = await createEmptyDatabase('postgres');
  server.url = handle.location;
  server.close = handle.close;
});

afterAll(async () => {
  await server.close();
  await rm(directory, { recursive: true, force: true });
});

describe('engram backup and restore commands', () => {
  it('backs up the embedded database with progress on stderr', async () => {
    const run = capture({ DATA_DIR: dataDir });
    expect(await runBackup([file], run.context)).toBe(0);
    expect(existsSync(file)).toBe(true);
    expect(run.stdout()).toMatch(/wrote .* 24 rows in 12 tables/);
    expect(run.stderr()).toContain('backup: memories 3 rows');
  });

  it('restores into an empty server and says how to rebuild the vector index', async () => {
    const run = capture({ DATA_DIR: dataDir, DATABASE_URL: server.url });
    expect(await runRestore([file], run.context)).toBe(0);
    expect(run.stdout()).toContain('restored 24 rows');
    expect(run.stdout()).toContain('engram reindex');
    expect(run.stderr()).toContain('restore: memories 3 rows');
  });

  it('refuses the now non-empty server without --force', async () => {
    const run = capture({ DATA_DIR: dataDir, DATABASE_URL: server.url });
    await expect(runRestore([file], run.context)).rejects.toThrow(/not empty.*--force/);
  });

  it('replaces the server contents with --force and runs the wired hook', async () => {
    const run = capture({ DATA_DIR: dataDir, DATABASE_URL: server.url });
    const counts: Record<string, number>[] = [];
    const restore = createRestoreCommand(async (database) => {
      counts.push(await countEveryTable(database.db));
    });
    expect(await restore([file, '--force'], run.context)).toBe(0);
    expect(counts[0]?.['memory_entities']).toBe(4);
    expect(run.stdout()).not.toContain('engram reindex');
  });

  it('prints usage for a missing file argument', async () => {
    const run = capture({ DATA_DIR: dataDir });
    expect(await runBackup([], run.context)).toBe(2);
    expect(await runRestore(['--force'], run.context)).toBe(2);
    expect(run.stderr()).toContain('usage: engram backup FILE');
    expect(run.stderr()).toContain('usage: engram restore FILE [--force]');
  });
});
