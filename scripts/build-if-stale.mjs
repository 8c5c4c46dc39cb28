#!/usr/bin/env node
// Builds dist/ with `tsc -p tsconfig.build.json` (after the client package it imports,
// packages/client/dist) and the dashboard (scripts/build-ui.mjs, into dist/ui/) when a source
// is newer than the last build.
// Runs from `npm install` (prepare), `npm start`, `npm run engram` and the test setup, so a fresh
// clone and an edited tree both run current code. Without src/ (an install of the dependencies
// only, as in the Docker image) there is nothing to build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STAMP = path.join(ROOT, 'dist', '.build-stamp');
const INPUTS = [
  'src',
  'ui',
  'tsconfig.json',
  'tsconfig.build.json',
  'packages/client/src',
  'packages/client/tsconfig.json',
];
const PROJECTS = ['packages/client/tsconfig.json', 'tsconfig.build.json'];

/** Newest modification time (ms) of a file, or of any file under a directory. */
function newestMtime(target) {
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(target)) {
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** True when dist/ is missing or older than a source or compiler setting. */
export function distIsStale() {
  if (!existsSync(STAMP)) return true;
  const built = statSync(STAMP).mtimeMs;
  return INPUTS.some((input) => {
    const target = path.join(ROOT, input);
    return existsSync(target) && newestMtime(target) > built;
  });
}

/** Runs tsc and the dashboard build when dist/ is stale; returns false (having said why) when the build fails. */
export function buildIfStale({ log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  if (!existsSync(path.join(ROOT, 'src')) || !distIsStale()) return true;
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    log('engram: dist/ is out of date and TypeScript is not installed: run `npm install`');
    return false;
  }
  log('engram: building dist/ (tsc -p packages/client/tsconfig.json, then tsconfig.build.json)');
  const started = Date.now();
  for (const project of PROJECTS) {
    const result = spawnSync(process.execPath, [tsc, '-p', project], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    if (result.status !== 0) {
      log(`engram: the build of ${project} failed (see above); dist/ was not updated`);
      return false;
    }
  }
  const ui = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-ui.mjs')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (ui.status !== 0) {
    log('engram: the dashboard build failed (see above); /ui is not up to date');
    return false;
  }
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  log(`engram: built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = buildIfStale() ? 0 : 1;
}
