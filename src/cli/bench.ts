import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CommandContext } from './command-context.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface SuiteModule {
  default: (args: {
    data: string | undefined;
    flags: Record<string, string>;
    log(line: string): void;
  }) => Promise<{ result: { suite: string }; markdown: string; skipped?: boolean }>;
}

/** `engram bench SUITE [--data PATH] [--json FILE] [--key value …]`: runs bench/suites/SUITE.ts. */
export async function runBench(
  args: string[],
  { stdout, stderr }: CommandContext,
): Promise<number> {
  const [suite, ...rest] = args;
  const file = suite ? path.join(ROOT, 'bench', 'suites', `${suite}.ts`) : '';
  if (!suite || !/^[a-z0-9-]+$/.test(suite) || !existsSync(file)) {
    stderr.write(
      `usage: engram bench SUITE [--data PATH] [--json FILE]\nunknown suite: ${suite ?? '(none)'}\n`,
    );
    return 2;
  }
  const flags = parseFlags(rest);
  await loadTypeScript();
  const module = (await import(pathToFileURL(file).href)) as SuiteModule;
  const outcome = await module.default({
    data: flags['data'],
    flags,
    log: (line) => stderr.write(`${line}\n`),
  });
  const json = `${JSON.stringify(outcome.result, null, 2)}\n`;
  const target = flags['json'] ?? path.join(ROOT, 'bench', 'results', `${suite}.json`);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, json);
  stdout.write(`${outcome.markdown.trim()}\n\nresults: ${target}\n`);
  if (!outcome.skipped) {
    const { updateBenchmarksFile } = await import(
      pathToFileURL(path.join(ROOT, 'bench', 'support', 'benchmarks-file.ts')).href
    );
    await updateBenchmarksFile(
      path.join(ROOT, 'BENCHMARKS.md'),
      suite,
      outcome.markdown,
      new Date(),
    );
  }
  return 0;
}

/**
 * Suites are TypeScript run from bench/: from the compiled CLI, register tsx (a devDependency)
 * first. From the sources (ENGRAM_DEV=1, tests) a TypeScript loader is already in place.
 */
async function loadTypeScript(): Promise<void> {
  if (import.meta.url.endsWith('.ts')) return;
  const tsx = await import('tsx/esm/api').catch((error: unknown) => {
    throw new Error('bench suites need the dev dependencies (tsx): run `npm install`', {
      cause: error,
    });
  });
  tsx.register();
}

function parseFlags(rest: readonly string[]): Record<string, string> {
  const flags: Record<string, string> = {};
  for (let index = 0; index < rest.length; index += 1) {
    const key = rest[index];
    if (!key?.startsWith('--')) continue;
    const value = rest[index + 1];
    if (value === undefined || value.startsWith('--')) flags[key.slice(2)] = 'true';
    else {
      flags[key.slice(2)] = value;
      index += 1;
    }
  }
  return flags;
}
