import { access, cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { InvalidInputError } from '../../domain/errors.js';
import { ManagedChroma } from './managed-chroma.js';

/** A temporary Chroma server over a copy of a legacy persist directory. */
export interface LegacyChromaDirectory {
  readonly url: string;
  /** Stops the server and removes the copy. */
  close(): Promise<void>;
}

/**
 * Serves a legacy Chroma persist directory without touching it: Chroma rewrites its SQLite file
 * and HNSW segment files when it opens a directory (observed with chromadb 3.5.0), so the
 * directory is copied to a temporary folder and the server runs on the copy.
 */
export async function openLegacyChromaDirectory(directory: string): Promise<LegacyChromaDirectory> {
  const source = path.resolve(directory);
  try {
    await access(path.join(source, 'chroma.sqlite3'));
  } catch (error) {
    throw new InvalidInputError(`${source} is not a Chroma persist directory (no chroma.sqlite3)`, {
      cause: error,
    });
  }
  const copy = await mkdtemp(path.join(os.tmpdir(), 'engram-legacy-chroma-'));
  const remove = () => rm(copy, { recursive: true, force: true });
  try {
    await cp(source, copy, { recursive: true, preserveTimestamps: true });
    const managed = new ManagedChroma({ persistDirectory: copy, restart: false });
    const url = await managed.start();
    return {
      url,
      close: async () => {
        await managed.stop();
        await remove();
      },
    };
  } catch (error) {
    await remove();
    throw error;
  }
}
