import type { GraphRepository } from './graph-repository.js';
import type { HistoryRepository } from './history-repository.js';
import type { IndexOutbox } from './index-outbox.js';
import type { MemoryRepository, UnitOfWork } from './memory-repository.js';
import type { ScopeCatalog } from './scope-catalog.js';

/** The repositories a memory write needs, bound to one transaction. */
export interface StoreRepositories {
  readonly memories: MemoryRepository;
  readonly history: HistoryRepository;
  readonly outbox: IndexOutbox;
  readonly graph: GraphRepository;
}

/** The relational store: repositories for reads, and `run` for atomic writes. */
export interface Store extends StoreRepositories, UnitOfWork<StoreRepositories> {
  /** Cross-scope reads for browsing (outside any transaction). */
  readonly catalog: ScopeCatalog;
}
