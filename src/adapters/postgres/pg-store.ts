import { ConflictError } from '../../domain/errors.js';
import type { Store, StoreRepositories } from '../../ports/store.js';
import type { Database } from './database.js';
import { PgGraphRepository } from './pg-graph-repository.js';
import { PgHistoryRepository } from './pg-history-repository.js';
import { PgIndexOutbox } from './pg-index-outbox.js';
import { PgMemoryRepository } from './pg-memory-repository.js';
import { PgScopeCatalog } from './pg-scope-catalog.js';

/** The relational store on Postgres: one transaction per `run`. */
export class PgStore implements Store {
  readonly memories: PgMemoryRepository;
  readonly history: PgHistoryRepository;
  readonly outbox: PgIndexOutbox;
  readonly graph: PgGraphRepository;
  readonly catalog: PgScopeCatalog;
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
    this.catalog = new PgScopeCatalog(db);
    ({
      memories: this.memories,
      history: this.history,
      outbox: this.outbox,
      graph: this.graph,
    } = repositoriesOn(db));
  }

  async run<T>(work: (repositories: StoreRepositories) => Promise<T>): Promise<T> {
    try {
      return await this.#db.transaction(async (tx) =>
        work(repositoriesOn(tx as unknown as Database)),
      );
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictError('the write conflicts with an existing record', { cause: error });
      throw error;
    }
  }
}

function repositoriesOn(db: Database) {
  return {
    memories: new PgMemoryRepository(db),
    history: new PgHistoryRepository(db),
    outbox: new PgIndexOutbox(db),
    graph: new PgGraphRepository(db),
  };
}

function isUniqueViolation(error: unknown): boolean {
  for (
    let current = error;
    current instanceof Error || (current && typeof current === 'object');
  ) {
    if ((current as { code?: unknown }).code === '23505') return true;
    current = (current as { cause?: unknown }).cause;
    if (current === undefined) break;
  }
  return false;
}
