import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_EMBEDDINGS_CACHE, testEmbedder } from '../support/test-app.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/engram.mjs');
const directories: string[] = [];
const children: ChildProcess[] = [];

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const directory of directories) await rm(directory, { recursive: true, force: true });
});

/** A fresh DATA_DIR that reuses the converted GloVe cache. */
async function dataDir(): Promise<string> {
  await testEmbedder();
  const directory = await mkdtemp(path.join(os.tmpdir(), 'engram-safety-'));
  directories.push(directory);
  await mkdir(path.join(directory, 'embeddings'));
  await symlink(
    path.join(TEST_EMBEDDINGS_CACHE, 'glove-100d.bin'),
    path.join(directory, 'embeddings', 'glove-100d.bin'),
  );
  return directory;
}

function engram(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => (stdout += chunk));
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const exited = once(child, 'exit').then(([code]) => ({ code, stdout, stderr }));
  return { child, exited, output: () => stderr };
}

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  server.close();
  return port;
}

describe('engram serve', () => {
  it('exits 1 when it cannot listen, releasing the data directory lock', async () => {
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const { port } = blocker.address() as net.AddressInfo;
    const directory = await dataDir();
    const { code, stderr } = await engram(['serve'], { DATA_DIR: directory, PORT: String(port) })
      .exited;
    blocker.close();
    expect(code).toBe(1);
    expect(stderr).toContain('cannot listen');
    expect(existsSync(path.join(directory, 'engram.lock'))).toBe(false);
  });

  it('refuses a non-loopback HOST without API keys, naming the fix', async () => {
    const { code, stderr } = await engram(['serve'], {
      DATA_DIR: await dataDir(),
      HOST: '0.0.0.0',
      PORT: String(await freePort()),
    }).exited;
    expect(code).toBe(1);
    expect(stderr).toContain('engram keys create');
    expect(stderr).toContain('AUTH=off');
  });

  it('creates, lists and revokes keys from the command line', async () => {
    const directory = await dataDir();
    const created = await engram(['keys', 'create', '--name', 'ci', '--scopes', 'read'], {
      DATA_DIR: directory,
    }).exited;
    expect(created.code).toBe(0);
    expect(created.stdout.trim()).toMatch(/^egk_[\w-]{43}$/);
    const listed = await engram(['keys', 'list'], { DATA_DIR: directory }).exited;
    const id = listed.stdout.split('\n')[1]?.split('\t')[0] ?? '';
    expect(listed.stdout).toContain('\tci\t');
    expect(listed.stdout).not.toContain(created.stdout.trim());
    expect((await engram(['keys', 'revoke', id], { DATA_DIR: directory }).exited).code).toBe(0);
  });

  it('keeps keys of another tenant out of the default tenant’s list and revoke', async () => {
    const directory = await dataDir();
    const env = { DATA_DIR: directory };
    const created = await engram(
      ['keys', 'create', '--name', 'acme-app', '--scopes', 'read,write', '--tenant', 'acme'],
      env,
    ).exited;
    expect(created.code).toBe(0);
    expect(created.stderr).toContain('tenant acme');
    expect((await engram(['keys', 'list'], env).exited).stdout).not.toContain('acme-app');
    const listed = await engram(['keys', 'list', '--tenant', 'acme'], env).exited;
    expect(listed.stdout).toContain('\tacme\tacme-app\t');
    const id = listed.stdout.split('\n')[1]?.split('\t')[0] ?? '';
    expect((await engram(['keys', 'revoke', id], env).exited).code).not.toBe(0);
    expect((await engram(['keys', 'revoke', id, '--tenant', 'acme'], env).exited).code).toBe(0);
    const refused = await engram(['keys', 'create', '--name', 'x', '--tenant', 'Not Valid'], env)
      .exited;
    expect(refused.code).not.toBe(0);
  });

  it('cuts off a client that trickles its headers', async () => {
    const port = await freePort();
    const server = engram(['serve'], {
      DATA_DIR: await dataDir(),
      PORT: String(port),
      HEADERS_TIMEOUT_MS: '1000',
    });
    await waitForHealth(port, server.child, server.output);
    const socket = net.connect(port, '127.0.0.1');
    // Writing to the socket the server closed fails with EPIPE: that is the expected outcome.
    socket.on('error', () => {});
    await once(socket, 'connect');
    socket.write('GET /health HTTP/1.1\r\nHost: localhost\r\n');
    // Not events.once: it rejects on the EPIPE 'error' that precedes 'close'.
    const closed = new Promise<string>((resolve) => socket.once('close', () => resolve('closed')));
    const trickle = (async () => {
      for (let byte = 0; byte < 150 && !socket.destroyed; byte += 1) {
        try {
          socket.write('X', () => {});
        } catch {
          return 'closed';
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      return socket.destroyed ? 'closed' : 'still open after 30 s';
    })();
    expect(await Promise.race([closed, trickle])).toBe('closed');
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
  });
});

async function waitForHealth(port: number, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`serve exited: ${output()}`);
    const response = await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`serve not up: ${output()}`);
}
