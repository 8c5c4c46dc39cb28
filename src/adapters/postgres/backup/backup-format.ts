import { InvalidInputError } from '../../../domain/errors.js';

/** Marks a file as an Engram backup. */
export const BACKUP_FORMAT = 'engram-backup';
/** The newest backup format this code writes and reads. */
export const BACKUP_VERSION = 1;

/** One table as recorded in a backup header. */
export interface BackupTableHeader {
  readonly name: string;
  readonly columns: readonly string[];
  readonly rows: number;
}

/** First line of a backup: what it holds and which schema it was taken from. */
export interface BackupHeader {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: number;
  readonly created_at: string;
  /** Migration tags applied to the source database, in order. */
  readonly migrations: readonly string[];
  readonly tables: readonly BackupTableHeader[];
}

/** A data line: one row of one table, values as PostgreSQL renders them in JSON. */
export interface BackupRowLine {
  readonly table: string;
  readonly row: Record<string, unknown>;
}

/** Last line of a backup: its presence proves the file is complete. */
export interface BackupFooter {
  readonly end: true;
  readonly rows: Readonly<Record<string, number>>;
}

/** Checks a parsed first line and returns it as a header; throws on anything else. */
export function parseBackupHeader(value: unknown, file: string): BackupHeader {
  const header = value as Partial<BackupHeader> | null;
  if (!header || typeof header !== 'object' || header.format !== BACKUP_FORMAT) {
    throw new InvalidInputError(`${file} is not an Engram backup`);
  }
  if (typeof header.version !== 'number' || !Number.isInteger(header.version)) {
    throw new InvalidInputError(`${file} has no valid backup format version`);
  }
  if (header.version > BACKUP_VERSION) {
    throw new InvalidInputError(
      `${file} is backup format version ${header.version}; this Engram reads up to version ${BACKUP_VERSION}: upgrade Engram to restore it`,
    );
  }
  if (!Array.isArray(header.migrations) || !Array.isArray(header.tables)) {
    throw new InvalidInputError(`${file} has an incomplete backup header`);
  }
  return header as BackupHeader;
}
