import { type SQL, sql } from 'drizzle-orm';
import { ConflictError, InvalidInputError } from '../../../domain/errors.js';
import { type Database, queryRows } from '../database.js';
import { MIGRATIONS_DIR, migrateUp } from '../migrator.js';
import type { BackupHeader } from './backup-format.js';
import { BackupReader } from './backup-reader.js';
import { type BackupTable, backupTables } from './backup-tables.js';
import { prepareRestoreTarget } from './restore-target.js';

/** Options of {@link restoreBackup}. */
export interface RestoreOptions {
  /** Replace the contents of a non-empty target (truncated inside the restore transaction). */
  readonly force?: boolean;
  /** Rows sent per insert statement. */
  readonly batchRows?: number;
  readonly onProgress?: (line: string) => void;
  /** Runs after the restore has committed, e.g. to rebuild the vector index. */
  readonly afterRestore?: (db: Database) => Promise<void>;
  readonly migrationsDir?: string;
}

/** What a restore did. */
export interface RestoreSummary {
  readonly header: BackupHeader;
  /** Migrations applied to an empty target before the rows went in, then any newer ones. */
  readonly migrationsApplied: readonly string[];
  readonly rows: Readonly<Record<string, number>>;
}

const BATCH_BYTES = 4 * 1024 * 1024;

/**
 * Restores a backup written by `writeBackup` into `db`: prepares the schema, then in ONE
 * transaction (truncating first with `force`) inserts every row in foreign-key order, resets
 * sequences and checks row counts against the header. Refuses a non-empty target without `force`.
 */
export async function restoreBackup(
  db: Database,
  file: string,
  options: RestoreOptions = {},
): Promise<RestoreSummary> {
  const reader = await BackupReader.open(file);
  try {
    const tables = matchTables(reader.header, file);
    const dir = options.migrationsDir ?? MIGRATIONS_DIR;
    const before = await prepareRestoreTarget(db, reader.header.migrations, dir);
    const rows = await db.transaction(async (tx) => {
      const target = tx as unknown as Database;
      await clearTarget(target, tables, options.force === true);
      const loaded = await loadRows(target, reader, tables, options);
      await finishTables(target, tables, reader.header, loaded);
      return loaded;
    });
    const after = await migrateUp(db, dir);
    options.onProgress?.('restore: committed');
    await options.afterRestore?.(db);
    return { header: reader.header, migrationsApplied: [...before, ...after], rows };
  } finally {
    await reader.close();
  }
}

/** The backup's tables, known to this schema with the same columns, in restore order. */
function matchTables(header: BackupHeader, file: string): BackupTable[] {
  const known = backupTables();
  for (const table of header.tables) {
    const match = known.find((candidate) => candidate.name === table.name);
    const same =
      match?.columns.length === table.columns.length &&
      match.columns.every((column) => table.columns.includes(column));
    if (!same) {
      throw new InvalidInputError(`${file}: table ${table.name} does not match this schema`);
    }
  }
  return known.filter((table) => header.tables.some((entry) => entry.name === table.name));
}

async function clearTarget(db: Database, tables: readonly BackupTable[], force: boolean) {
  const occupied: string[] = [];
  for (const table of tables) {
    const [row] = await queryRows<{ present: boolean }>(
      db,
      sql`select exists (select 1 from ${sql.identifier(table.name)}) as present`,
    );
    if (row?.present) occupied.push(table.name);
  }
  if (occupied.length === 0) return;
  if (!force) {
    throw new ConflictError(
      `the target database is not empty (rows in ${occupied.join(', ')}); use --force to replace its contents`,
    );
  }
  const names = sql.join(
    tables.map((table) => sql.identifier(table.name)),
    sql`, `,
  );
  await db.execute(sql`truncate table ${names} restart identity`);
}

async function loadRows(
  db: Database,
  reader: BackupReader,
  tables: readonly BackupTable[],
  options: RestoreOptions,
): Promise<Record<string, number>> {
  for (const table of tables) await createSelfReferenceStash(db, table);
  const counts: Record<string, number> = Object.fromEntries(tables.map((t) => [t.name, 0]));
  const batch = new RowBatch(db, tables, options.batchRows ?? 500);
  for await (const line of reader.rows()) {
    await batch.add(line.table, line.row);
    counts[line.table] = (counts[line.table] ?? 0) + 1;
  }
  await batch.flush();
  for (const table of tables) {
    options.onProgress?.(`restore: ${table.name} ${counts[table.name] ?? 0} rows`);
  }
  return counts;
}

/** Accumulates consecutive rows of one table and inserts them with one statement. */
class RowBatch {
  readonly #db: Database;
  readonly #tables: readonly BackupTable[];
  readonly #maxRows: number;
  #index = 0;
  #rows: string[] = [];
  #bytes = 0;

  constructor(db: Database, tables: readonly BackupTable[], maxRows: number) {
    this.#db = db;
    this.#tables = tables;
    this.#maxRows = maxRows;
  }

  /** Queues one row; rows must arrive in restore order, table by table. */
  async add(tableName: string, row: Record<string, unknown>): Promise<void> {
    const index = this.#tables.findIndex((table) => table.name === tableName);
    if (index < this.#index) {
      throw new InvalidInputError(`backup rows of ${tableName} are out of order or unknown`);
    }
    if (index !== this.#index) await this.flush();
    this.#index = index;
    const text = JSON.stringify(row);
    this.#rows.push(text);
    this.#bytes += text.length;
    if (this.#rows.length >= this.#maxRows || this.#bytes >= BATCH_BYTES) await this.flush();
  }

  /** Inserts the queued rows. */
  async flush(): Promise<void> {
    const table = this.#tables[this.#index];
    if (!table || this.#rows.length === 0) return;
    const json = `[${this.#rows.join(',')}]`;
    this.#rows = [];
    this.#bytes = 0;
    await this.#db.execute(insertQuery(table, json));
    if (table.selfReferences.length > 0) await this.#db.execute(stashQuery(table, json));
  }
}

/** Inserts rows from a JSON array; PostgreSQL converts every value to its column type. */
function insertQuery(table: BackupTable, json: string): SQL {
  const name = sql.identifier(table.name);
  const values = table.columns.map((column) =>
    table.selfReferences.includes(column) ? sql`null` : sql.identifier(column),
  );
  return sql`insert into ${name} (${identifiers(table.columns)}) select ${sql.join(values, sql`, `)} from json_populate_recordset(null::${name}, ${json}::json)`;
}

// Self-references (a chunk's parent) may point at rows later in the file: they are inserted as
// null, stashed in a temporary table, and linked once every row is in.
function stashName(table: BackupTable) {
  return sql.identifier(`engram_restore_${table.name}`);
}

async function createSelfReferenceStash(db: Database, table: BackupTable): Promise<void> {
  if (table.selfReferences.length === 0) return;
  const columns = identifiers([...table.primaryKey, ...table.selfReferences]);
  await db.execute(
    sql`create temporary table ${stashName(table)} on commit drop as select ${columns} from ${sql.identifier(table.name)} with no data`,
  );
}

function stashQuery(table: BackupTable, json: string): SQL {
  const columns = identifiers([...table.primaryKey, ...table.selfReferences]);
  const anySet = sql.join(
    table.selfReferences.map((column) => sql`${sql.identifier(column)} is not null`),
    sql` or `,
  );
  return sql`insert into ${stashName(table)} select ${columns} from json_populate_recordset(null::${sql.identifier(table.name)}, ${json}::json) where ${anySet}`;
}

async function finishTables(
  db: Database,
  tables: readonly BackupTable[],
  header: BackupHeader,
  loaded: Readonly<Record<string, number>>,
): Promise<void> {
  for (const table of tables) {
    if (table.selfReferences.length > 0) await linkSelfReferences(db, table);
    for (const column of table.serialColumns) await resetSequence(db, table, column);
    await verifyCount(db, table, header, loaded);
  }
}

async function linkSelfReferences(db: Database, table: BackupTable): Promise<void> {
  const assignments = table.selfReferences.map(
    (column) => sql`${sql.identifier(column)} = stash.${sql.identifier(column)}`,
  );
  const matches = table.primaryKey.map(
    (column) => sql`target.${sql.identifier(column)} = stash.${sql.identifier(column)}`,
  );
  await db.execute(
    sql`update ${sql.identifier(table.name)} target set ${sql.join(assignments, sql`, `)} from ${stashName(table)} stash where ${sql.join(matches, sql` and `)}`,
  );
}

async function resetSequence(db: Database, table: BackupTable, column: string): Promise<void> {
  const name = sql.identifier(table.name);
  const key = sql.identifier(column);
  await db.execute(
    sql`select setval(pg_get_serial_sequence(${table.name}, ${column}), coalesce(max(${key}), 1), max(${key}) is not null) from ${name}`,
  );
}

async function verifyCount(
  db: Database,
  table: BackupTable,
  header: BackupHeader,
  loaded: Readonly<Record<string, number>>,
): Promise<void> {
  const expected = header.tables.find((entry) => entry.name === table.name)?.rows;
  const [row] = await queryRows<{ rows: number | string }>(
    db,
    sql`select count(*) as rows from ${sql.identifier(table.name)}`,
  );
  const actual = Number(row?.rows ?? -1);
  if (actual !== expected || loaded[table.name] !== expected) {
    throw new InvalidInputError(
      `restore of ${table.name} ended with ${actual} rows but the backup holds ${expected}`,
    );
  }
}

function identifiers(columns: readonly string[]): SQL {
  return sql.join(
    columns.map((column) => sql.identifier(column)),
    sql`, `,
  );
}
