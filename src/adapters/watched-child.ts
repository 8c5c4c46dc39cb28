import { type ChildProcess, spawn } from 'node:child_process';

/** How much of a child's output is kept for error messages. */
const OUTPUT_TAIL_CHARS = 4000;

/**
 * A Node child process running `script` with piped stdio (the managed servers' watchdogs), and
 * the tail of what it printed. The pipe on stdin is the child's lifeline: it closes when Engram
 * dies, even by SIGKILL; a write error on it never matters.
 */
export class WatchedChild {
  readonly process: ChildProcess;
  #output = '';

  constructor(script: string, args: readonly string[]) {
    this.process = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer) => {
      this.#output = (this.#output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
    };
    this.process.stdout?.on('data', keep);
    this.process.stderr?.on('data', keep);
    this.process.stdin?.on('error', () => {});
  }

  /** The last few thousand characters the child printed on stdout and stderr. */
  get output(): string {
    return this.#output;
  }
}
