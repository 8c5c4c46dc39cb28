import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLock } from '../../../src/adapters/postgres/data-dir-lock.js';
import { ConflictError } from '../../../src/domain/errors.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** Runs `engram serve` on `dataDir` on a random port and resolves with its exit code and stderr. */
function runServe(
  dataDir: string,
  timeoutMs: number,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/engram.mjs'), 'serve'], {
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        PORT: String(20_000 + Math.floor(Math.random() * 20_000)),
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('DataDirLock', () => {
  it('refuses a second holder and names the directory and pid', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'engram-lock-'));
    await writeFile(path.join(dir, 'engram.lock'), `${process.ppid}\n`); // a live process that is not us
    const attempt = DataDirLock.acquire(dir);
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toThrow(new RegExp(`${dir}.*pid ${process.ppid}`));
  });

  it('recovers a stale lock left by a dead process', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'engram-lock-'));
    await writeFile(path.join(dir, 'engram.lock'), '999999\n');
    const lock = await DataDirLock.acquire(dir);
    expect((await readFile(path.join(dir, 'engram.lock'), 'utf8')).trim()).toBe(
      String(process.pid),
    );
    await lock.release();
  });

  it('makes a second engram serve on the same data directory exit at once', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'engram-lock-'));
    const lock = await DataDirLock.acquire(dir);
    try {
      const { code, stderr } = await runServe(dir, 20_000);
      expect(code).toBe(1);
      expect(stderr).toContain(
        `data directory ${dir} is in use by another Engram process (pid ${process.pid})`,
      );
    } finally {
      await lock.release();
    }
  });
});
