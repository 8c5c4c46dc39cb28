import { open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { ConflictError } from '../../domain/errors.js';

const LOCK_NAME = 'engram.lock';

/**
 * An exclusive, PID-stamped lock file in a data directory. A lock left by a process that no
 * longer runs is stale and is taken over.
 */
export class DataDirLock {
  readonly #file: string;

  private constructor(file: string) {
    this.#file = file;
  }

  /** Takes the lock or throws a ConflictError naming the directory and the holder's PID. */
  static async acquire(dataDir: string): Promise<DataDirLock> {
    const file = path.join(path.resolve(dataDir), LOCK_NAME);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        const handle = await open(file, 'wx');
        await handle.writeFile(`${process.pid}\n`);
        await handle.close();
        return new DataDirLock(file);
      } catch (error) {
        if (!isAlreadyExists(error)) throw error;
      }
      const holder = await readHolder(file);
      if (holder !== undefined && holder !== process.pid && isRunning(holder)) {
        throw new ConflictError(
          `data directory ${path.dirname(file)} is in use by another Engram process (pid ${holder}); ` +
            'stop it, or point DATA_DIR elsewhere',
        );
      }
      await rm(file, { force: true }); // stale: its holder is gone
    }
    throw new ConflictError(`could not lock data directory ${path.dirname(file)}`);
  }

  /** Releases the lock if this process still holds it. */
  async release(): Promise<void> {
    const holder = await readHolder(this.#file);
    if (holder === process.pid) await rm(this.#file, { force: true });
  }
}

async function readHolder(file: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt((await readFile(file, 'utf8')).trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isAlreadyExists(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'EEXIST';
}
