import { ConflictError, InvalidInputError } from '../../src/domain/errors.js';
import type { MemoryType } from '../../src/domain/memory.js';
import type { Scope } from '../../src/domain/scope.js';
import type { EmbedderIdentity } from '../../src/ports/embedder.js';
import type {
  VectorIndex,
  VectorKey,
  VectorMatch,
  VectorQuery,
  VectorRecord,
} from '../../src/ports/vector-index.js';

interface StoredVector {
  readonly memoryType: MemoryType;
  readonly embedding: readonly number[];
}

/** What several InMemoryVectorIndex instances share, like one Chroma server. */
export class InMemoryVectorStore {
  identity: EmbedderIdentity | undefined;
  readonly scopes = new Map<string, Map<string, StoredVector>>();
}

const scopeKey = (scope: Scope) => `${scope.tenant}\u0000${scope.userId}\u0000${scope.agentId}`;

/** Brute-force VectorIndex for unit tests of services; passes the same contract suite as Chroma. */
export class InMemoryVectorIndex implements VectorIndex {
  readonly #store: InMemoryVectorStore;
  #identity: EmbedderIdentity | undefined;

  constructor(store: InMemoryVectorStore = new InMemoryVectorStore()) {
    this.#store = store;
  }

  async init(identity: EmbedderIdentity): Promise<void> {
    const stored = this.#store.identity;
    const same =
      stored?.provider === identity.provider &&
      stored.model === identity.model &&
      stored.dimensions === identity.dimensions;
    if (stored && !same && (await this.count()) > 0) {
      throw new ConflictError(
        `the vector index was built with ${stored.provider}/${stored.model}; run \`engram reindex\``,
      );
    }
    this.#store.identity = identity;
    this.#identity = identity;
  }

  async reset(identity: EmbedderIdentity): Promise<void> {
    this.#store.scopes.clear();
    this.#store.identity = identity;
    this.#identity = identity;
  }

  async upsert(records: readonly VectorRecord[]): Promise<void> {
    const dimensions = this.#requireIdentity().dimensions;
    const bad = records.find((record) => record.embedding.length !== dimensions);
    if (bad) throw new InvalidInputError(`vector of memory ${bad.id} has the wrong dimension`);
    for (const record of records) {
      const key = scopeKey(record.scope);
      const vectors = this.#store.scopes.get(key) ?? new Map<string, StoredVector>();
      vectors.set(record.id, { memoryType: record.memoryType, embedding: [...record.embedding] });
      this.#store.scopes.set(key, vectors);
    }
  }

  async query(query: VectorQuery): Promise<VectorMatch[]> {
    this.#requireIdentity();
    const vectors = this.#store.scopes.get(scopeKey(query.scope)) ?? new Map();
    const matches: VectorMatch[] = [];
    for (const [id, stored] of vectors) {
      if (query.memoryType && stored.memoryType !== query.memoryType) continue;
      matches.push({ id, distance: 1 - cosine(query.embedding, stored.embedding) });
    }
    return matches.sort((a, b) => a.distance - b.distance).slice(0, Math.max(0, query.topK));
  }

  async delete(keys: readonly VectorKey[]): Promise<void> {
    for (const key of keys) this.#store.scopes.get(scopeKey(key.scope))?.delete(key.id);
  }

  async count(): Promise<number> {
    let total = 0;
    for (const vectors of this.#store.scopes.values()) total += vectors.size;
    return total;
  }

  #requireIdentity(): EmbedderIdentity {
    if (!this.#identity) throw new Error('InMemoryVectorIndex used before init()');
    return this.#identity;
  }
}

function cosine(left: readonly number[], right: readonly number[]): number {
  let dot = 0;
  let leftNorm = 0;
  let rightNorm = 0;
  for (let index = 0; index < left.length; index += 1) {
    const a = left[index] ?? 0;
    const b = right[index] ?? 0;
    dot += a * b;
    leftNorm += a * a;
    rightNorm += b * b;
  }
  const norm = Math.sqrt(leftNorm) * Math.sqrt(rightNorm);
  return norm === 0 ? 0 : dot / norm;
}
