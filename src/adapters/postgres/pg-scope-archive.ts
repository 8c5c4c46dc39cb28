import type { ArchiveRecord } from '../../domain/archive.js';
import type { ArchiveSelection, ArchiveWrite, ScopeArchive } from '../../ports/scope-archive.js';
import type { Database } from './database.js';
import { readArchive } from './pg-archive-reader.js';
import { writeArchive } from './pg-archive-writer.js';

/** Per-scope export and import on Postgres. */
export class PgScopeArchive implements ScopeArchive {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  read(selection: ArchiveSelection): AsyncIterable<ArchiveRecord> {
    return readArchive(this.#db, selection);
  }

  write(
    tenant: string,
    records: readonly ArchiveRecord[],
    ids: Map<string, string>,
  ): Promise<ArchiveWrite> {
    return writeArchive(this.#db, tenant, records, ids);
  }
}
