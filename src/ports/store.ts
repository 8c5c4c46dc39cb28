import type { GraphRepository } from './graph-repository.js';
import type { MemoryRepository, UnitOfWork } from './memory-repository.js';

/** The repositories a memory write needs, bound to one transaction. */
export interface StoreRepositories {
  readonly memories: MemoryRepository;
  readonly graph: GraphRepository;
}

/** The relational store: repositories for reads, and `run` for atomic writes. */
export interface Store extends UnitOfWork<StoreRepositories> {
  readonly memories: MemoryRepository;
  readonly graph: GraphRepository;
}
