import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { ImportFailure, ImportFailureLog } from '../ports/import-failure-log.js';

/** ImportFailureLog appending one JSON line per failure; the file is created at the first one. */
export class JsonlFailureFile implements ImportFailureLog {
  readonly file: string;
  #count = 0;

  constructor(file: string) {
    this.file = path.resolve(file);
  }

  /** Failures written so far. */
  get count(): number {
    return this.#count;
  }

  async record(failure: ImportFailure): Promise<void> {
    if (this.#count === 0) await mkdir(path.dirname(this.file), { recursive: true });
    const line = { collection: failure.collection, id: failure.id, reason: failure.reason };
    await appendFile(this.file, `${JSON.stringify(line)}\n`, 'utf8');
    this.#count += 1;
  }
}

/** ImportFailureLog that only keeps failures in memory (dry runs write nothing). */
export class CollectedFailures implements ImportFailureLog {
  readonly failures: ImportFailure[] = [];

  async record(failure: ImportFailure): Promise<void> {
    this.failures.push(failure);
  }
}
