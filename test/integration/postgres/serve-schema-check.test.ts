import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/adapters/postgres/database.js';
import { createEmptyDatabase, MIGRATION_TAGS } from '../../support/test-databases.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
let database: DatabaseHandle;

beforeAll(async () => {
  database = await createEmptyDatabase('postgres');
});
afterAll(() => database?.close());

function engram(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    mkdtemp(path.join(tmpdir(), 'engram-schema-')).then((dataDir) => {
      const child = spawn(process.execPath, [path.join(ROOT, 'bin/engram.mjs'), ...args], {
        env: {
          ...process.env,
          DATABASE_URL: database.location,
          DATA_DIR: dataDir,
          CHROMA_URL: 'http://127.0.0.1:9',
          LOG_LEVEL: 'silent',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
      });
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
      });
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    }, reject);
  });
}

it('serve refuses a server database whose schema is behind, naming the fix', async () => {
  const { code, stderr } = await engram(['serve']);
  expect(code).toBe(1);
  expect(stderr).toContain(
    `database schema is behind (pending: ${MIGRATION_TAGS.join(', ')}); run \`engram migrate up\` first`,
  );
});

it('migrate up, status and down work on the server database', async () => {
  expect((await engram(['migrate', 'up'])).stdout).toContain('applied: 0000_init');
  expect((await engram(['migrate', 'status'])).stdout).toMatch(/0000_init\tapplied /);
  expect((await engram(['migrate', 'down'])).stdout).toContain(
    `reverted: ${[...MIGRATION_TAGS].reverse().join(', ')}`,
  );
  expect((await engram(['migrate', 'status'])).stdout).toMatch(/0000_init\tpending/);
});

it('rejects an unknown migrate action with usage', async () => {
  const { code, stderr } = await engram(['migrate', 'sideways']);
  expect(code).toBe(2);
  expect(stderr).toContain('usage: engram migrate up|down [--steps N]|status');
});
