// Runs a PostgreSQL postmaster for a parent process and stops it when the parent goes, however
// the parent goes (a pipe on stdin closes even on SIGKILL). argv: a JSON object
// {command, args, env, uid?, gid?}. The postmaster gets SIGINT (fast shutdown: open transactions
// roll back, committed ones are on disk), then SIGQUIT after 10 s. This wrapper exits with it.
import { spawn } from 'node:child_process';

const { command, args, env, uid, gid } = JSON.parse(process.argv[2] ?? '{}');
const postmaster = spawn(command, args, {
  env,
  stdio: ['ignore', 'inherit', 'inherit'],
  ...(uid === undefined ? {} : { uid, gid }),
});
let stopping = false;

function stop() {
  if (stopping) return;
  stopping = true;
  if (postmaster.exitCode !== null || postmaster.signalCode !== null) process.exit(0);
  postmaster.kill('SIGINT');
  setTimeout(() => postmaster.kill('SIGQUIT'), 10_000).unref();
}

postmaster.on('error', (error) => {
  process.stderr.write(`postgres failed to start: ${error.message}\n`);
  process.exit(1);
});
postmaster.on('exit', (code, signal) => {
  if (!stopping) process.stderr.write(`postgres stopped (code ${code}, signal ${signal})\n`);
  process.exit(code ?? 1);
});

const parent = process.ppid;
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.on('error', stop);
process.stdin.resume();
setInterval(() => {
  if (process.ppid !== parent) stop();
}, 500).unref();
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, stop);
