import { spawnSync } from 'node:child_process';
import path from 'node:path';

const SCRIPT = path.resolve(import.meta.dirname, '../../scripts/build-if-stale.mjs');

/**
 * Vitest global setup: tests that spawn `bin/engram.mjs` run the compiled dist/, so build it
 * once per run when a source is newer than the last build (a no-op otherwise).
 */
export default function setup(): void {
  const result = spawnSync(process.execPath, [SCRIPT], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('building dist/ failed: the CLI tests cannot run');
}
