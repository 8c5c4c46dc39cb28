import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChromaVectorIndex } from '../../../src/adapters/chroma/chroma-vector-index.js';
import { ManagedChroma } from '../../../src/adapters/chroma/managed-chroma.js';
import { scopeOf } from '../../../src/domain/scope.js';

const PARENT_SCRIPT = fileURLToPath(
  new URL('./fixtures/managed-chroma-parent.ts', import.meta.url),
);
const IDENTITY = { provider: 'glove', model: 'test', dimensions: 4 };
const RECORD = {
  id: 'm1',
  scope: scopeOf('alice'),
  memoryType: 'ephemeral' as const,
  embedding: [1, 0, 0, 0],
};

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls until the process is gone; the child notices its parent's death within ~0.5 s. */
async function waitUntilGone(pid: number): Promise<boolean> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return !isAlive(pid);
}

async function storedIds(url: string): Promise<string[]> {
  const index = new ChromaVectorIndex({ url });
  await index.init(IDENTITY);
  const matches = await index.query({ embedding: [1, 0, 0, 0], scope: scopeOf('alice'), topK: 5 });
  return matches.map((match) => match.id);
}

describe('ManagedChroma', () => {
  let directory: string;
  let managed: ManagedChroma;

  beforeEach(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'engram-managed-chroma-'));
    managed = new ManagedChroma({ persistDirectory: directory });
  });

  afterEach(async () => {
    await managed.stop();
    await rm(directory, { recursive: true, force: true });
  });

  it('starts a server on 127.0.0.1 that answers its heartbeat', async () => {
    const url = await managed.start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${url}/api/v2/heartbeat`)).ok).toBe(true);
    expect(managed.healthy).toBe(true);
  });

  it('stop kills the child process', async () => {
    await managed.start();
    const pid = managed.pid as number;
    await managed.stop();
    expect(isAlive(pid)).toBe(false);
    expect(managed.healthy).toBe(false);
  });

  it('keeps data across a stop and a start on the same directory', async () => {
    const index = new ChromaVectorIndex({ url: await managed.start() });
    await index.init(IDENTITY);
    await index.upsert([RECORD]);
    await managed.stop();
    const again = new ManagedChroma({ persistDirectory: directory });
    try {
      expect(await storedIds(await again.start())).toEqual(['m1']);
    } finally {
      await again.stop();
    }
  });

  it('restarts Chroma on the same port when the child dies', async () => {
    const url = await managed.start();
    const index = new ChromaVectorIndex({ url });
    await index.init(IDENTITY);
    await index.upsert([RECORD]);
    const firstPid = managed.pid as number;
    const restarted = once(managed, 'restarted');
    const exited = once(managed, 'exited');
    process.kill(firstPid, 'SIGKILL');
    await exited;
    expect(managed.healthy).toBe(false);
    const [event] = await restarted;
    expect(event.url).toBe(url);
    expect(event.pid).not.toBe(firstPid);
    expect(managed.healthy).toBe(true);
    expect(await storedIds(url)).toEqual(['m1']);
  });

  it('leaves no Chroma running when its parent is killed with SIGKILL, and starts again', async () => {
    const parent = spawn(process.execPath, ['--import', 'tsx', PARENT_SCRIPT, directory], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const [line] = (await once(createInterface({ input: parent.stdout }), 'line')) as [string];
    const { url, pid } = JSON.parse(line) as { url: string; pid: number };
    const index = new ChromaVectorIndex({ url });
    await index.init(IDENTITY);
    await index.upsert([RECORD]);
    expect(isAlive(pid)).toBe(true);

    process.kill(parent.pid as number, 'SIGKILL');

    expect(await waitUntilGone(pid)).toBe(true);
    expect(await storedIds(await managed.start())).toEqual(['m1']);
  });
});
