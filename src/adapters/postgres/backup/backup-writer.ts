import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGzip, type Gzip } from 'node:zlib';
import { type SQL, sql } from 'drizzle-orm';
import { ConflictError } from '../../../domain/errors.js';
import { type Database, queryRows } from '../database.js';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupFooter,
  type BackupHeader,
  type BackupTableHeader,
} from './backup-format.js';
import { type BackupTable, backupTables } from './backup-tables.js';

/** Options of {@link writeBackup}. */
export interface BackupOptions {
  /** Rows fetched per query while paging through a table. */
  readonly pageSize?: number;
  /** Receives short human-readable progress lines. */
  readonly onProgress?: (line: string) => void;
  readonly now?: () => Date;
}

/** What a finished backup holds. */
export interface BackupSummary {
  readonly file: string;
  readonly bytes: number;
  readonly header: BackupHeader;
}

/**
 * Writes a gzip'd JSON-lines snapshot of every Engram table to `file`: header, rows, footer.
 * Reads inside one repeatable-read transaction (a consistent snapshot), paging each table by its
 * primary key so memory stays flat; the file appears only once complete.
 */
export async function writeBackup(
  db: Database,
  file: string,
  options: BackupOptions = {},
): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const done = pipeline(gzip, createWriteStream(partial));
  try {
    const header = await db.transaction(
      (tx) => dumpTables(tx as unknown as Database, gzip, options),
      {
        isolationLevel: 'repeatable read',
        accessMode: 'read only',
      },
    );
    gzip.end();
    await done;
    await rename(partial, file);
    return { file, bytes: (await stat(file)).size, header };
  } catch (error) {
    gzip.destroy();
    await done.catch(() => {});
    await rm(partial, { force: true });
    throw error;
  }
}

async function dumpTables(db: Database, out: Gzip, options: BackupOptions): Promise<BackupHeader> {
  const tables = backupTables();
  const migrations = await appliedMigrationTags(db);
  const counted: BackupTableHeader[] = [];
  // One query at a time: a transaction holds a single connection.
  for (const table of tables) counted.push(await describeForHeader(db, table));
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    created_at: (options.now?.() ?? new Date()).toISOString(),
    migrations,
    tables: counted,
  };
  await writeLine(out, JSON.stringify(header));
  const rows: Record<string, number> = {};
  for (const table of tables) {
    rows[table.name] = await dumpTable(db, table, out, options);
    options.onProgress?.(`backup: ${table.name} ${rows[table.name]} rows`);
  }
  const footer: BackupFooter = { end: true, rows };
  await writeLine(out, JSON.stringify(footer));
  return header;
}

async function appliedMigrationTags(db: Database): Promise<string[]> {
  const [present] = await queryRows<{ present: boolean }>(
    db,
    sql`select to_regclass('engram_migrations') is not null as present`,
  );
  if (!present?.present) {
    throw new ConflictError('the database has no Engram schema; run `engram migrate up` first');
  }
  const rows = await queryRows<{ tag: string }>(
    db,
    sql`select tag from engram_migrations order by tag`,
  );
  return rows.map((row) => row.tag);
}

async function describeForHeader(db: Database, table: BackupTable): Promise<BackupTableHeader> {
  const [count] = await queryRows<{ rows: number | string }>(
    db,
    sql`select count(*) as rows from ${sql.identifier(table.name)}`,
  );
  return { name: table.name, columns: table.columns, rows: Number(count?.rows ?? 0) };
}

async function dumpTable(
  db: Database,
  table: BackupTable,
  out: Gzip,
  options: BackupOptions,
): Promise<number> {
  const pageSize = options.pageSize ?? 1000;
  const prefix = `{"table":${JSON.stringify(table.name)},"row":`;
  let written = 0;
  let after: string | undefined;
  for (;;) {
    const page = await queryRows<{ row: string }>(db, pageQuery(table, pageSize, after));
    for (const { row } of page) await writeLine(out, `${prefix}${row}}`);
    written += page.length;
    const last = page.at(-1);
    if (!last || page.length < pageSize) return written;
    after = last.row;
    if (written % (pageSize * 20) === 0) {
      options.onProgress?.(`backup: ${table.name} ${written} rows so far`);
    }
  }
}

/** One page of rows as JSON text, ordered by primary key, starting after the row `after`. */
function pageQuery(table: BackupTable, limit: number, after: string | undefined): SQL {
  const name = sql.identifier(table.name);
  const columns = sql.join(
    table.columns.map((column) => sql.identifier(column)),
    sql`, `,
  );
  const key = sql.join(
    table.primaryKey.map((column) => sql.identifier(column)),
    sql`, `,
  );
  // The previous page's last row, typed by PostgreSQL itself, is the keyset cursor.
  const where =
    after === undefined
      ? sql``
      : sql`where (${key}) > (select ${key} from json_populate_record(null::${name}, ${after}::json))`;
  return sql`select row_to_json(page)::text as row from (select ${columns} from ${name} ${where} order by ${key} limit ${limit}) page`;
}

async function writeLine(out: Gzip, line: string): Promise<void> {
  if (!out.write(`${line}\n`)) await once(out, 'drain');
}
