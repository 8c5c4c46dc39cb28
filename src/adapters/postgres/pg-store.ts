import { ConflictError } from '../../domain/errors.js';
import type { Store, StoreRepositories } from '../../ports/store.js';
import type { Database } from './database.js';
import { PgGraphRepository } from './pg-graph-repository.js';
import { PgMemoryRepository } from './pg-memory-repository.js';

/** The relational store on Postgres: one transaction per `run`. */
export class PgStore implements Store {
  readonly memories: PgMemoryRepository;
  readonly graph: PgGraphRepository;
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
    this.memories = new PgMemoryRepository(db);
    this.graph = new PgGraphRepository(db);
  }

  async run<T>(work: (repositories: StoreRepositories) => Promise<T>): Promise<T> {
    try {
      return await this.#db.transaction(async (tx) => {
        const db = tx as unknown as Database;
        return work({ memories: new PgMemoryRepository(db), graph: new PgGraphRepository(db) });
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictError('the write conflicts with an existing record', { cause: error });
      throw error;
    }
  }
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
