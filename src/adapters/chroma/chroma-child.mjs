// Runs the Chroma server (`chroma run ARGS…`) for a parent process and dies with it.
// The native server blocks the thread that starts it, so it runs in a worker thread; this main
// thread watches the parent. `process.exit()` hangs while the native server runs, so every way
// out is `process.kill(process.pid, 'SIGKILL')`.
import { createRequire } from 'node:module';
import os from 'node:os';
import { isMainThread, Worker, workerData } from 'node:worker_threads';

const BINDINGS = {
  'linux-x64': 'chromadb-js-bindings-linux-x64-gnu',
  'linux-arm64': 'chromadb-js-bindings-linux-arm64-gnu',
  'darwin-x64': 'chromadb-js-bindings-darwin-x64',
  'darwin-arm64': 'chromadb-js-bindings-darwin-arm64',
  'win32-arm64': 'chromadb-js-bindings-win32-arm64-msvc',
};

function die() {
  process.kill(process.pid, 'SIGKILL');
}

function runServer(args) {
  const name = BINDINGS[`${os.platform()}-${os.arch()}`];
  if (!name) throw new Error(`chroma has no native binding for ${os.platform()}-${os.arch()}`);
  const binding = createRequire(import.meta.url)(name);
  binding.cli(['chroma', ...args]);
}

function watchParent() {
  const parent = process.ppid;
  // A pipe on stdin closes when the parent dies, however it dies.
  process.stdin.on('end', die);
  process.stdin.on('close', die);
  process.stdin.on('error', die);
  process.stdin.resume();
  setInterval(() => {
    if (process.ppid !== parent) die();
  }, 500).unref();
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, die);
}

if (isMainThread) {
  watchParent();
  const worker = new Worker(new URL(import.meta.url), { workerData: process.argv.slice(2) });
  worker.on('error', (error) => {
    process.stderr.write(`chroma failed: ${error instanceof Error ? error.message : error}\n`);
    die();
  });
  worker.on('exit', (code) => {
    process.stderr.write(`chroma stopped (code ${code})\n`);
    die();
  });
} else {
  runServer(workerData);
}
