import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { InvalidInputError, NotFoundError } from '../../../domain/errors.js';
import {
  type BackupFooter,
  type BackupHeader,
  type BackupRowLine,
  parseBackupHeader,
} from './backup-format.js';

/**
 * Reads a backup file as a stream: the header first, then rows one by one. A missing footer,
 * a broken gzip stream or a line that is not JSON is reported as a clean `InvalidInputError`.
 */
export class BackupReader {
  readonly #file: string;
  readonly #lines: AsyncGenerator<string>;
  readonly header: BackupHeader;

  private constructor(file: string, lines: AsyncGenerator<string>, header: BackupHeader) {
    this.#file = file;
    this.#lines = lines;
    this.header = header;
  }

  /** Opens `file` and reads its header; throws if it is missing or not an Engram backup. */
  static async open(file: string): Promise<BackupReader> {
    try {
      await access(file);
    } catch {
      throw new NotFoundError('backup file', file);
    }
    const lines = readLines(file);
    try {
      const first = await lines.next();
      if (first.done) throw new InvalidInputError(`${file} is empty, not an Engram backup`);
      return new BackupReader(file, lines, parseBackupHeader(parseJson(first.value, file), file));
    } catch (error) {
      await lines.return(undefined);
      throw error;
    }
  }

  /** Yields every row line, then checks the footer; throws if the file ends early. */
  async *rows(): AsyncGenerator<BackupRowLine> {
    for await (const line of this.#lines) {
      const value = parseJson(line, this.#file) as Partial<BackupRowLine & BackupFooter>;
      if (value.end === true) {
        await this.#expectEnd(value as BackupFooter);
        return;
      }
      if (typeof value.table !== 'string' || !value.row || typeof value.row !== 'object') {
        throw new InvalidInputError(`${this.#file} has a malformed row line`);
      }
      yield value as BackupRowLine;
    }
    throw new InvalidInputError(`${this.#file} is truncated: it ends before its footer`);
  }

  /** Stops reading and releases the file. */
  async close(): Promise<void> {
    await this.#lines.return(undefined);
  }

  async #expectEnd(footer: BackupFooter): Promise<void> {
    const extra = await this.#lines.next();
    if (!extra.done) throw new InvalidInputError(`${this.#file} has data after its footer`);
    for (const table of this.header.tables) {
      if (footer.rows?.[table.name] !== table.rows) {
        throw new InvalidInputError(
          `${this.#file} footer disagrees with its header on ${table.name}`,
        );
      }
    }
  }
}

async function* readLines(file: string): AsyncGenerator<string> {
  const source = createReadStream(file);
  const gunzip = createGunzip();
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let pending = '';
  try {
    for await (const chunk of gunzip) {
      pending += decoder.write(chunk as Buffer);
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.length > 0) yield line;
    }
  } catch (error) {
    throw new InvalidInputError(`${file} is not a readable gzip backup (corrupted or truncated)`, {
      cause: error,
    });
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  pending += decoder.end();
  if (pending.length > 0) yield pending;
}

function parseJson(line: string, file: string): unknown {
  try {
    return JSON.parse(line);
  } catch (error) {
    throw new InvalidInputError(`${file} has a line that is not JSON (corrupted backup)`, {
      cause: error,
    });
  }
}
