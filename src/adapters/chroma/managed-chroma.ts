import type { ChildProcess } from 'node:child_process';
import { EventEmitter, once } from 'node:events';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { UpstreamUnavailableError } from '../../domain/errors.js';
import { WatchedChild } from '../watched-child.js';
import { freePort } from './free-port.js';

const CHILD_SCRIPT = fileURLToPath(new URL('./chroma-child.mjs', import.meta.url));
const MAX_RESTART_DELAY_MS = 5000;

export interface ManagedChromaOptions {
  /** Chroma's data directory (`--path`); created when missing. */
  readonly persistDirectory: string;
  /** Interface to listen on; 127.0.0.1 unless told otherwise. */
  readonly host?: string;
  /** Fixed port; a free one is chosen when absent (and kept across restarts). */
  readonly port?: number;
  /** How long to wait for the first heartbeat; 30 s by default. */
  readonly startTimeoutMs?: number;
  /** Restart Chroma when it dies while running; true by default. */
  readonly restart?: boolean;
}

/** Events: `started` {url, pid}, `exited` {code, signal, output}, `restarted` {url, pid}, `restart-failed` Error. */
export interface ManagedChromaEvents {
  started: [{ url: string; pid: number }];
  exited: [{ code: number | null; signal: NodeJS.Signals | null; output: string }];
  restarted: [{ url: string; pid: number }];
  'restart-failed': [Error];
}

/**
 * Chroma as a child process of this one, on 127.0.0.1. The child ends itself when this process
 * dies (even by SIGKILL); if the child dies while running, it is restarted on the same port and
 * directory and `healthy` is false until it answers again.
 */
export class ManagedChroma extends EventEmitter<ManagedChromaEvents> {
  readonly #options: ManagedChromaOptions;
  readonly #host: string;
  #port: number | undefined;
  #child: ChildProcess | undefined;
  #watched: WatchedChild | undefined;

  get #output(): string {
    return this.#watched?.output ?? '';
  }
  #healthy = false;
  #stopping = false;

  constructor(options: ManagedChromaOptions) {
    super();
    this.#options = options;
    this.#host = options.host ?? '127.0.0.1';
  }

  /** Base URL of the server, once started. */
  get url(): string | undefined {
    return this.#port === undefined ? undefined : `http://${this.#host}:${this.#port}`;
  }

  /** True while the child runs and has answered its heartbeat. */
  get healthy(): boolean {
    return this.#healthy;
  }

  /** Process id of the current child (the wrapper that hosts the server). */
  get pid(): number | undefined {
    return this.#child?.pid;
  }

  /** Spawns Chroma, waits for its heartbeat and returns its URL; idempotent while running. */
  async start(): Promise<string> {
    if (this.#child && this.url) return this.url;
    this.#stopping = false;
    await mkdir(this.#options.persistDirectory, { recursive: true });
    this.#port ??= this.#options.port ?? (await freePort(this.#host));
    const pid = await this.#spawnUntilReady();
    const url = this.url as string;
    this.emit('started', { url, pid });
    return url;
  }

  /** Kills the child (by PID) and waits until it is gone; no restart follows. */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.#healthy = false;
    const child = this.#child;
    this.#child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }

  async #spawnUntilReady(): Promise<number> {
    this.#watched = new WatchedChild(CHILD_SCRIPT, this.#arguments());
    const child = this.#watched.process;
    this.#child = child;
    try {
      await this.#waitForHeartbeat(child);
    } catch (error) {
      child.kill('SIGKILL');
      if (this.#child === child) this.#child = undefined;
      throw error;
    }
    this.#healthy = true;
    child.once('exit', (code, signal) => this.#onExit(child, code, signal));
    return child.pid as number;
  }

  #arguments(): string[] {
    const { persistDirectory } = this.#options;
    return ['run', '--path', persistDirectory, '--host', this.#host, '--port', String(this.#port)];
  }

  async #waitForHeartbeat(child: ChildProcess): Promise<void> {
    const deadline = Date.now() + (this.#options.startTimeoutMs ?? 30_000);
    const heartbeat = `${this.url}/api/v2/heartbeat`;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new UpstreamUnavailableError(
          `chroma exited while starting on ${this.url}: ${this.#output.trim().slice(-500)}`,
        );
      }
      try {
        const response = await fetch(heartbeat, { signal: AbortSignal.timeout(1000) });
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new UpstreamUnavailableError(`chroma did not answer on ${this.url} in time`);
  }

  #onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.#child !== child || this.#stopping) return;
    this.#healthy = false;
    this.#child = undefined;
    this.emit('exited', { code, signal, output: this.#output });
    if (this.#options.restart !== false) void this.#restartLoop();
  }

  async #restartLoop(): Promise<void> {
    for (let attempt = 0; !this.#stopping; attempt += 1) {
      await new Promise((resolve) =>
        setTimeout(resolve, Math.min(100 * 2 ** attempt, MAX_RESTART_DELAY_MS)),
      );
      if (this.#stopping) return;
      try {
        const pid = await this.#spawnUntilReady();
        if (this.#stopping) {
          await this.stop();
          return;
        }
        this.emit('restarted', { url: this.url as string, pid });
        return;
      } catch (error) {
        this.emit('restart-failed', error as Error);
      }
    }
  }
}
