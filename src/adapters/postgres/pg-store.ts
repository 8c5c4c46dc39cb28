import { ConflictError } from '../../domain/errors.js';
import type { Store, StoreRepositories } from '../../ports/store.js';
import type { Database } from './database.js';
import { DatabaseBusyError } from './pg-failure.js';
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

  /** Runs `work` in one transaction; a lost deadlock or serialization race re-runs it. */
  async run<T>(work: (repositories: StoreRepositories) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.#db.transaction(async (tx) =>
          work(repositoriesOn(tx as unknown as Database)),
        );
      } catch (error) {
        if (isConstraintRace(error))
          throw new ConflictError('the write conflicts with an existing record', { cause: error });
        const busy = busyError(error);
        if (!busy) throw error;
        if (attempt >= MAX_ATTEMPTS) throw busy;
        await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
      }
    }
  }
}

/** Attempts of a transaction that keeps losing deadlock or serialization races. */
const MAX_ATTEMPTS = 4;

function busyError(error: unknown): DatabaseBusyError | undefined {
  let current = error;
  for (let depth = 0; current instanceof Error && depth < 8; depth += 1) {
    if (current instanceof DatabaseBusyError) return current;
    current = current.cause;
  }
  return undefined;
}

function repositoriesOn(db: Database) {
  return {
    memories: new PgMemoryRepository(db),
    history: new PgHistoryRepository(db),
    outbox: new PgIndexOutbox(db),
    graph: new PgGraphRepository(db),
  };
}

// SQLSTATE unique_violation, and foreign_key_violation (a row it refers to went meanwhile).
const CONSTRAINT_RACES = new Set(['23505', '23503']);

function isConstraintRace(error: unknown): boolean {
  for (
    let current = error;
    current instanceof Error || (current && typeof current === 'object');
  ) {
    if (CONSTRAINT_RACES.has(String((current as { code?: unknown }).code))) return true;
    current = (current as { cause?: unknown }).cause;
    if (current === undefined) break;
  }
  return false;
}
