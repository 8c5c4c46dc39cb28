import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../src/adapters/chroma/free-port.js';

const CHILD_SCRIPT = fileURLToPath(
  new URL('../../src/adapters/chroma/chroma-child.mjs', import.meta.url),
);

export interface ChromaServer {
  readonly url: string;
  readonly pid: number;
  /** Kills the server by PID and removes its temporary directory. */
  stop(): Promise<void>;
}

/**
 * A real Chroma server on a free port in a fresh temporary directory: the run's shared one
 * (`inject('chromaUrl')`, see shared-chroma-setup.ts), or a test file's own when it needs a
 * whole server to itself. It runs in the wrapper that dies with its parent, so a crashed test
 * process leaves nothing behind.
 */
export async function startChromaServer(): Promise<ChromaServer> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'engram-chroma-test-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [CHILD_SCRIPT, 'run', '--path', directory, '--host', '127.0.0.1', '--port', String(port)],
    { stdio: ['pipe', 'ignore', 'pipe'] },
  );
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-2000);
  });
  const stop = async () => {
    await killChild(child);
    await rm(directory, { recursive: true, force: true });
  };
  try {
    await waitForHeartbeat(url, child);
  } catch (error) {
    await stop();
    throw new Error(`chroma test server did not start: ${output}`, { cause: error });
  }
  return { url, pid: child.pid as number, stop };
}

async function killChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  process.kill(child.pid as number, 'SIGKILL');
  await exited;
}

async function waitForHeartbeat(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error('chroma exited');
    try {
      const response = await fetch(`${url}/api/v2/heartbeat`, {
        signal: AbortSignal.timeout(1000),
      });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('timed out');
}
