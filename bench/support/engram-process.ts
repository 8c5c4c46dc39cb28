import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { freePort } from '../../src/adapters/chroma/free-port.js';
import { BENCH_EMBEDDINGS_CACHE } from './engram-stack.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/engram.mjs');

/** A running `engram serve` child on a loopback port. */
export interface EngramProcess {
  readonly url: string;
  readonly pid: number;
  /** From spawn until `/ready` answered, ms (a new data directory: includes its initialisation). */
  readonly startMs?: number;
  /** The last 4,000 characters it wrote (logs at LOG_LEVEL=warn). */
  output(): string;
  /** SIGTERM, then SIGKILL after 15 s; resolves when it has exited. */
  stop(): Promise<void>;
}

/**
 * Starts `engram serve` with `DATA_DIR=dataDir` (plus `env`) on a free port and waits for `/ready`.
 * `nodeArgs` go to node (e.g. `--cpu-prof`); `bin` is another checkout's `bin/engram.mjs` (a baseline build).
 * `env.PORT` picks the port (else a free one). The converted GloVe cache is linked into the data dir so start-up skips the conversion.
 */
export async function startEngramProcess(
  dataDir: string,
  env: Record<string, string> = {},
  nodeArgs: readonly string[] = [],
  bin: string = BIN,
): Promise<EngramProcess> {
  await mkdir(path.join(dataDir, 'embeddings'), { recursive: true });
  await symlink(
    path.join(BENCH_EMBEDDINGS_CACHE, 'glove-100d.bin'),
    path.join(dataDir, 'embeddings', 'glove-100d.bin'),
  ).catch(() => {});
  const port = env['PORT'] ? Number(env['PORT']) : await freePort();
  const spawned = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, bin, 'serve'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const stop = () => stopChild(child);
  try {
    await waitForReady(url, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  const startMs = Math.round(performance.now() - spawned);
  return { url, pid: child.pid as number, startMs, output: () => output, stop };
}

async function waitForReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`engram serve exited ${child.exitCode}: ${output()}`);
    const response = await fetch(`${url}/ready`).catch(() => undefined);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`engram serve not ready after 120 s: ${output()}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}
