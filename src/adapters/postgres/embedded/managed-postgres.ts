import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { UpstreamUnavailableError } from '../../../domain/errors.js';
import { WatchedChild } from '../../watched-child.js';
import { linkSharedLibraries, type PostgresBinaries } from './postgres-binaries.js';
import {
  asIdentity,
  type ServerIdentity,
  serverIdentity,
  stopStalePostmaster,
} from './postmaster-process.js';

const CHILD_SCRIPT = fileURLToPath(new URL('./postgres-child.mjs', import.meta.url));
const SUPERUSER = 'engram';
const DATABASE = 'engram';

export interface ManagedPostgresOptions {
  /** Engram's data directory; the cluster lives in `postgres/`, its runtime files in `postgres-run/`. */
  readonly dataDir: string;
  readonly binaries: PostgresBinaries;
  /** The account the server runs as when Engram runs as root (initdb and postgres refuse root). */
  readonly runAs?: string;
  readonly startTimeoutMs?: number;
  /** Progress lines for the log (first start, a stale server stopped). */
  readonly onNotice?: (message: string, details?: Record<string, unknown>) => void;
}

/**
 * A PostgreSQL server as a child of this process, on 127.0.0.1 with a random port and a password
 * only Engram knows. Initialised on first start (once, ~2 s); stopped with a fast shutdown; it
 * stops itself when this process dies, even by SIGKILL (the wrapper watches a pipe), and a server
 * left over anyway (the wrapper killed too) is stopped on the next start through its
 * `postmaster.pid`. Callers hold the data-directory lock.
 */
export class ManagedPostgres {
  readonly #options: ManagedPostgresOptions;
  readonly #cluster: string;
  readonly #runtime: string;
  #child: ChildProcess | undefined;
  #watched: WatchedChild | undefined;

  get #output(): string {
    return this.#watched?.output ?? '';
  }
  #port: number | undefined;
  #password = '';
  #identity: ServerIdentity | undefined;
  #stopping = false;

  constructor(options: ManagedPostgresOptions) {
    this.#options = options;
    this.#cluster = path.join(options.dataDir, 'postgres');
    this.#runtime = path.join(options.dataDir, 'postgres-run');
  }

  /** Where the cluster lives. */
  get directory(): string {
    return this.#cluster;
  }

  /** Process id of the wrapper that hosts the postmaster, while it runs. */
  get pid(): number | undefined {
    return this.#child?.pid;
  }

  /** The connection string (with its password) once started. */
  get url(): string {
    const password = encodeURIComponent(this.#password);
    return `postgres://${SUPERUSER}:${password}@127.0.0.1:${this.#port}/${DATABASE}`;
  }

  /** Initialises the cluster if needed, starts the server and waits until it accepts connections. */
  async start(): Promise<string> {
    this.#stopping = false;
    const user = await serverIdentity(this.#cluster, this.#options.runAs);
    this.#identity = user;
    // Traversable (the server loads its libraries from lib/), not listable; the password is 0600.
    await mkdir(this.#runtime, { recursive: true });
    await chmod(this.#runtime, 0o711);
    await linkSharedLibraries(this.#options.binaries, path.join(this.#runtime, 'lib'));
    if (user?.kind === 'account') await allowTraversal(this.#options.dataDir);
    const stale = await stopStalePostmaster(this.#cluster);
    if (stale)
      this.#options.onNotice?.('stopped a PostgreSQL server left by an earlier run', stale);
    const fresh = !existsSync(path.join(this.#cluster, 'PG_VERSION'));
    if (fresh) await this.#initialise(user);
    this.#password = (await readFile(this.#passwordFile(), 'utf8')).trim();
    for (let attempt = 0; ; attempt += 1) {
      this.#port = await freePort();
      try {
        await this.#spawnUntilReady(user);
        break;
      } catch (error) {
        // Another process may have taken the port between the probe and the bind.
        if (attempt >= 2 || !this.#output.includes('could not bind')) throw error;
      }
    }
    if (fresh) await this.#createDatabase();
    return this.url;
  }

  /** Fast shutdown: waits until the server has stopped (its data is then clean on disk). */
  async stop(): Promise<void> {
    this.#stopping = true;
    const child = this.#child;
    this.#child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.stdin?.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  }

  #passwordFile(): string {
    return path.join(this.#runtime, 'password');
  }

  async #initialise(user: ServerIdentity | undefined): Promise<void> {
    const partial = `${this.#cluster}.initialising`;
    await rm(partial, { recursive: true, force: true });
    await mkdir(partial, { mode: 0o700 });
    const password = randomBytes(24).toString('base64url');
    const passwordInput = path.join(this.#runtime, 'initdb-password');
    await writeFile(passwordInput, `${password}\n`, { mode: 0o600 });
    if (user?.kind === 'account') {
      await chown(partial, user.uid, user.gid);
      await chown(passwordInput, user.uid, user.gid);
    }
    this.#options.onNotice?.('initialising the embedded PostgreSQL database (first start only)', {
      path: this.#cluster,
      ...(user ? { runAs: user.kind === 'account' ? user.name : 'a user namespace' } : {}),
    });
    try {
      const args = ['-D', partial, '-U', SUPERUSER, '--auth=scram-sha-256'];
      args.push(`--pwfile=${passwordInput}`, '-E', 'UTF8', '--no-locale', '--no-instructions');
      await this.#run(this.#options.binaries.initdb, args, user);
    } finally {
      await rm(passwordInput, { force: true });
    }
    await writeFile(this.#passwordFile(), `${password}\n`, { mode: 0o600 });
    await rename(partial, this.#cluster);
  }

  async #createDatabase(): Promise<void> {
    const admin = new pg.Client({ connectionString: this.url.replace(/\/engram$/, '/postgres') });
    await admin.connect();
    try {
      await admin.query(`create database ${DATABASE}`);
    } finally {
      await admin.end();
    }
  }

  async #run(command: string, args: string[], user: ServerIdentity | undefined): Promise<void> {
    const run = asIdentity(user, command, args);
    const child = spawn(run.command, run.args, {
      env: this.#environment(),
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(run.uid === undefined ? {} : { uid: run.uid, gid: run.gid }),
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const [code] = (await once(child, 'exit')) as [number | null];
    if (code !== 0) {
      throw new UpstreamUnavailableError(
        `${path.basename(command)} failed (code ${code}): ${output.trim().slice(-800)}`,
      );
    }
  }

  #environment(): Record<string, string> {
    return {
      // The links first, then the package's own libraries (libpq needs libssl and has no RUNPATH).
      LD_LIBRARY_PATH: `${path.join(this.#runtime, 'lib')}:${this.#options.binaries.libDirectory}`,
      LC_ALL: 'C',
      TZ: 'UTC',
    };
  }

  #serverArguments(): string[] {
    const settings = {
      listen_addresses: '127.0.0.1',
      port: String(this.#port),
      unix_socket_directories: '',
      max_connections: '40',
      logging_collector: 'off',
      log_min_messages: 'warning',
      log_checkpoints: 'off',
      // Engram's writes are small batches: a shorter delay before the WAL writer flushes.
      wal_writer_delay: '50ms',
      // A new data directory fills in minutes: analyse it as often as Engram does on PGlite.
      autovacuum_naptime: '10s',
      // Engram's statements are short: compiling one costs 10–50 ms more than it saves (measured
      // on a heavy user's search, decision 0012).
      jit: 'off',
    };
    const args = ['-D', this.#cluster];
    for (const [name, value] of Object.entries(settings)) args.push('-c', `${name}=${value}`);
    return args;
  }

  async #spawnUntilReady(user: ServerIdentity | undefined): Promise<void> {
    const spec = {
      ...asIdentity(user, this.#options.binaries.postgres, this.#serverArguments()),
      env: this.#environment(),
    };
    this.#watched = new WatchedChild(CHILD_SCRIPT, [JSON.stringify(spec)]);
    const child = this.#watched.process;
    this.#child = child;
    try {
      await this.#waitUntilAccepting(child);
    } catch (error) {
      child.kill('SIGTERM');
      if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
      this.#child = undefined;
      throw error;
    }
    child.once('exit', (code, signal) => this.#onExit(child, code, signal));
  }

  /** The server died while running (OOM kill, a crash): restart it on the same port. */
  #onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.#child !== child || this.#stopping) return;
    this.#child = undefined;
    const output = this.#output.trim().slice(-500);
    this.#options.onNotice?.('the embedded PostgreSQL server exited; restarting', {
      code,
      signal,
      output,
    });
    void this.#restartLoop();
  }

  async #restartLoop(): Promise<void> {
    for (let attempt = 0; !this.#stopping; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(200 * 2 ** attempt, 5000)));
      if (this.#stopping) return;
      try {
        await this.#spawnUntilReady(this.#identity);
        if (this.#stopping) {
          await this.stop();
          return;
        }
        this.#options.onNotice?.('the embedded PostgreSQL server restarted', { pid: this.pid });
        return;
      } catch (error) {
        this.#options.onNotice?.('the embedded PostgreSQL server did not restart; retrying', {
          error: (error as Error).message,
        });
      }
    }
  }

  async #waitUntilAccepting(child: ChildProcess): Promise<void> {
    const deadline = Date.now() + (this.#options.startTimeoutMs ?? 60_000);
    const target = this.url.replace(/\/engram$/, '/postgres');
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new UpstreamUnavailableError(
          `the embedded PostgreSQL server exited while starting: ${this.#output.trim().slice(-800)}`,
        );
      }
      const client = new pg.Client({ connectionString: target, connectionTimeoutMillis: 1000 });
      client.on('error', () => {});
      try {
        await client.connect();
        await client.end();
        return;
      } catch {
        await client.end().catch(() => {});
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new UpstreamUnavailableError(
      `the embedded PostgreSQL server did not accept connections in time: ${this.#output.trim().slice(-800)}`,
    );
  }
}

/** The unprivileged server account must reach `postgres/` inside the data directory. */
async function allowTraversal(directory: string): Promise<void> {
  const { mode } = await stat(directory);
  if ((mode & 0o001) === 0) await chmod(directory, (mode & 0o7777) | 0o001);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}
