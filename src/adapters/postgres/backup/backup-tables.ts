import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../schema.js';

/** What backup and restore need to know about one Engram table. */
export interface BackupTable {
  readonly name: string;
  /** Columns written to and read from a backup (generated columns are left out). */
  readonly columns: readonly string[];
  /** Primary-key columns, in key order: backups page through each table by this key. */
  readonly primaryKey: readonly string[];
  /** Columns referencing this same table (e.g. a chunk's parent): restored in a second pass. */
  readonly selfReferences: readonly string[];
  /** Columns filled from a sequence (bigserial): their sequence is reset after a restore. */
  readonly serialColumns: readonly string[];
  /** Other tables this one references; they are restored first. */
  readonly dependsOn: readonly string[];
}

/** Every table declared in the schema module, in foreign-key-safe order (referenced tables first). */
export function backupTables(): BackupTable[] {
  const tables = (Object.values(schema) as unknown[])
    .filter((value): value is PgTable => is(value, PgTable))
    .map(describeTable);
  return orderByDependencies(tables);
}

function describeTable(table: PgTable): BackupTable {
  const config = getTableConfig(table);
  const columns = config.columns.filter((column) => column.generated === undefined);
  const compositeKey = config.primaryKeys[0]?.columns.map((column) => column.name);
  const primaryKey =
    compositeKey ?? config.columns.filter((column) => column.primary).map((c) => c.name);
  const references = config.foreignKeys.map((foreignKey) => foreignKey.reference());
  const selfReferences = references
    .filter((reference) => getTableConfig(reference.foreignTable).name === config.name)
    .flatMap((reference) => reference.columns.map((column) => column.name));
  const dependsOn = references
    .map((reference) => getTableConfig(reference.foreignTable).name)
    .filter((name) => name !== config.name);
  return {
    name: config.name,
    columns: columns.map((column) => column.name),
    primaryKey,
    selfReferences,
    serialColumns: columns
      .filter((column) => column.getSQLType().includes('serial'))
      .map((column) => column.name),
    dependsOn: [...new Set(dependsOn)],
  };
}

function orderByDependencies(tables: readonly BackupTable[]): BackupTable[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const ordered: BackupTable[] = [];
  const visited = new Set<string>();
  const visit = (table: BackupTable) => {
    if (visited.has(table.name)) return;
    visited.add(table.name);
    for (const dependency of table.dependsOn) {
      const referenced = byName.get(dependency);
      if (referenced) visit(referenced);
    }
    ordered.push(table);
  };
  for (const table of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(table);
  return ordered;
}
