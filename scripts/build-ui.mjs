#!/usr/bin/env node
// Builds the dashboard (ui/) into dist/ui/: one esbuild bundle of ui/src/main.ts (cytoscape
// included, nothing loaded from elsewhere at run time) and the static files beside it.
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE = path.join(ROOT, 'ui');
const TARGET = path.join(ROOT, 'dist', 'ui');
const STATIC_FILES = ['index.html', 'styles.css', 'logo.svg'];

/** Bundles and copies the dashboard; resolves when dist/ui/ is complete. */
export async function buildUi() {
  const { build } = await import('esbuild');
  mkdirSync(TARGET, { recursive: true });
  await build({
    entryPoints: [path.join(SOURCE, 'src', 'main.ts')],
    outfile: path.join(TARGET, 'app.js'),
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    legalComments: 'linked',
    logLevel: 'warning',
  });
  for (const file of STATIC_FILES) copyFileSync(path.join(SOURCE, file), path.join(TARGET, file));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildUi();
}
