import { ChromaClient, type Collection, type Metadata } from 'chromadb';
import { InvalidInputError } from '../../domain/errors.js';
import type { Scope } from '../../domain/scope.js';
import type { EmbedderIdentity } from '../../ports/embedder.js';
import { NO_TRACER, type Tracer } from '../../ports/tracer.js';
import type {
  VectorIndex,
  VectorKey,
  VectorMatch,
  VectorQuery,
  VectorRecord,
} from '../../ports/vector-index.js';
import { ChromaCollectionNames } from './chroma-collection-names.js';
import { chromaFailure, isChromaNotFound } from './chroma-failure.js';
import {
  identityConflict,
  identityFromMetadata,
  identityMetadata,
  sameIdentity,
} from './chroma-index-identity.js';
import { eachConcurrently, groupByScope } from './chroma-scope-groups.js';

/** Chroma's largest accepted batch. */
export const CHROMA_MAX_BATCH = 5461;

export interface ChromaVectorIndexOptions {
  /** Base URL of the Chroma server, e.g. `http://127.0.0.1:8000`. */
  readonly url: string;
  /** Prefix of every collection this index owns (default `engram`); lets indexes share a server. */
  readonly collectionPrefix?: string;
  /**
   * How long `count()` answers from its last full count while this instance has written nothing
   * since (default 10 s); other replicas' writes show after at most this long.
   */
  readonly countCacheMs?: number;
  /** Times each query and upsert request as a span when tracing is on. */
  readonly tracer?: Tracer;
}

/**
 * VectorIndex on a Chroma server: one collection per (user, agent) scope, so a scoped query
 * searches only that scope's HNSW graph (see docs/decisions/0001-chroma-scoping-layout.md).
 */
export class ChromaVectorIndex implements VectorIndex {
  readonly #client: ChromaClient;
  readonly #names: ChromaCollectionNames;
  readonly #collections = new Map<string, Collection>();
  readonly #countCacheMs: number;
  readonly #tracer: Tracer;
  #identity: EmbedderIdentity | undefined;
  /** The last full count, dropped by every write of this instance. */
  #counted: { value: number; at: number } | undefined;
  #counting: Promise<number> | undefined;
  /** Bumped by every write, so a count that overlapped one is not kept. */
  #writes = 0;

  constructor(options: ChromaVectorIndexOptions) {
    const url = new URL(options.url);
    const ssl = url.protocol === 'https:';
    this.#client = new ChromaClient({
      host: url.hostname,
      port: url.port ? Number(url.port) : ssl ? 443 : 80,
      ssl,
    });
    this.#names = new ChromaCollectionNames(options.collectionPrefix ?? 'engram');
    this.#countCacheMs = options.countCacheMs ?? 10_000;
    this.#tracer = options.tracer ?? NO_TRACER;
  }

  /** Sends Chroma's heartbeat; throws UpstreamUnavailableError when it does not answer. */
  async heartbeat(): Promise<void> {
    try {
      await this.#client.heartbeat();
    } catch (error) {
      throw chromaFailure(error, 'heartbeat');
    }
  }

  async init(identity: EmbedderIdentity): Promise<void> {
    try {
      const meta = await this.#client.getOrCreateCollection({
        name: this.#names.meta,
        metadata: identityMetadata(identity),
        embeddingFunction: null,
      });
      const stored = identityFromMetadata(meta.metadata);
      if (!stored || !sameIdentity(stored, identity)) {
        // An empty index was never built by anyone: adopt the new identity.
        if (stored && (await this.#countVectors()) > 0) throw identityConflict(stored, identity);
        await meta.modify({ metadata: identityMetadata(identity) });
      }
      this.#identity = identity;
    } catch (error) {
      throw chromaFailure(error, 'init');
    }
  }

  async reset(identity: EmbedderIdentity): Promise<void> {
    this.#forgetCount();
    try {
      for (const collection of await this.#scopeCollections()) {
        await this.#client.deleteCollection({ name: collection.name });
      }
      this.#collections.clear();
      await this.#client.deleteCollection({ name: this.#names.meta }).catch((error: unknown) => {
        if (!isChromaNotFound(error)) throw error;
      });
      await this.#client.createCollection({
        name: this.#names.meta,
        metadata: identityMetadata(identity),
        embeddingFunction: null,
      });
      this.#identity = identity;
    } catch (error) {
      throw chromaFailure(error, 'reset');
    }
  }

  async upsert(records: readonly VectorRecord[]): Promise<void> {
    const dimensions = this.#requireIdentity().dimensions;
    for (const record of records) {
      if (record.embedding.length !== dimensions) {
        throw new InvalidInputError(
          `vector of memory ${record.id} has ${record.embedding.length} dimensions, the index holds ${dimensions}`,
        );
      }
    }
    this.#forgetCount();
    try {
      await eachConcurrently(groupByScope(records), async (group) => {
        const unique = [...new Map(group.items.map((record) => [record.id, record])).values()];
        for (let start = 0; start < unique.length; start += CHROMA_MAX_BATCH) {
          await this.#upsertBatch(group.scope, unique.slice(start, start + CHROMA_MAX_BATCH));
        }
      });
    } catch (error) {
      throw chromaFailure(error, 'upsert');
    }
  }

  async query(query: VectorQuery): Promise<VectorMatch[]> {
    this.#requireIdentity();
    if (query.topK <= 0) return [];
    try {
      return await this.#withCollection(
        query.scope,
        async (collection) => {
          const result = await this.#tracer.span('chroma.query', () =>
            collection.query({
              queryEmbeddings: [query.embedding as number[]],
              nResults: query.topK,
              ...(query.memoryType ? { where: { memory_type: query.memoryType } } : {}),
              include: ['distances'],
            }),
          );
          const ids = result.ids[0] ?? [];
          const distances = result.distances[0] ?? [];
          return ids.map((id, index) => ({ id, distance: distances[index] ?? 2 }));
        },
        [],
      );
    } catch (error) {
      throw chromaFailure(error, 'query');
    }
  }

  async delete(keys: readonly VectorKey[]): Promise<void> {
    this.#forgetCount();
    try {
      await eachConcurrently(groupByScope(keys), async (group) => {
        const ids = [...new Set(group.items.map((key) => key.id))];
        await this.#withCollection(
          group.scope,
          async (collection) => {
            for (let start = 0; start < ids.length; start += CHROMA_MAX_BATCH) {
              await collection.delete({ ids: ids.slice(start, start + CHROMA_MAX_BATCH) });
            }
          },
          undefined,
        );
      });
    } catch (error) {
      throw chromaFailure(error, 'delete');
    }
  }

  /**
   * Vectors in every scope. Counting lists every collection, and `/ready` and `/metrics` ask on
   * each call: the answer is kept until this instance writes or `countCacheMs` passes.
   */
  async count(): Promise<number> {
    const counted = this.#counted;
    if (counted && Date.now() - counted.at < this.#countCacheMs) return counted.value;
    const writes = this.#writes;
    this.#counting ??= this.#countVectors()
      .then((value) => {
        if (writes === this.#writes) this.#counted = { value, at: Date.now() };
        return value;
      })
      .finally(() => {
        this.#counting = undefined;
      });
    try {
      return await this.#counting;
    } catch (error) {
      throw chromaFailure(error, 'count');
    }
  }

  #forgetCount(): void {
    this.#counted = undefined;
    this.#writes += 1;
  }

  #requireIdentity(): EmbedderIdentity {
    if (!this.#identity) throw new Error('ChromaVectorIndex used before init()');
    return this.#identity;
  }

  async #upsertBatch(scope: Scope, batch: readonly VectorRecord[]): Promise<void> {
    const payload = {
      ids: batch.map((record) => record.id),
      embeddings: batch.map((record) => record.embedding as number[]),
      metadatas: batch.map((record): Metadata => ({ memory_type: record.memoryType })),
    };
    try {
      const collection = await this.#scopeCollection(scope);
      await this.#tracer.span('chroma.upsert', () => collection.upsert(payload));
    } catch (error) {
      if (!isChromaNotFound(error)) throw error;
      // Another process reset the index: the cached collection is gone.
      this.#collections.delete(this.#names.forScope(scope));
      await (await this.#scopeCollection(scope)).upsert(payload);
    }
  }

  async #scopeCollection(scope: Scope): Promise<Collection> {
    const name = this.#names.forScope(scope);
    let collection = this.#collections.get(name);
    if (!collection) {
      collection = await this.#client.getOrCreateCollection({
        name,
        configuration: { hnsw: { space: 'cosine' } },
        metadata: { tenant: scope.tenant, user_id: scope.userId, agent_id: scope.agentId },
        embeddingFunction: null,
      });
      this.#collections.set(name, collection);
    }
    return collection;
  }

  /** Runs `action` on the scope's collection if it exists; `absent` when it does not. */
  async #withCollection<T>(
    scope: Scope,
    action: (collection: Collection) => Promise<T>,
    absent: T,
  ): Promise<T> {
    const name = this.#names.forScope(scope);
    try {
      let collection = this.#collections.get(name);
      if (!collection) {
        collection = await this.#client.getCollection({ name });
        this.#collections.set(name, collection);
      }
      return await action(collection);
    } catch (error) {
      if (!isChromaNotFound(error)) throw error;
      this.#collections.delete(name);
      return absent;
    }
  }

  async #scopeCollections(): Promise<Collection[]> {
    const found: Collection[] = [];
    // Chroma does not list collections in creation order, so offset pages shift when another
    // index on the server (another prefix) creates or deletes one: one page up to 1,000 avoids it.
    const page = 1000;
    for (let offset = 0; ; offset += page) {
      const collections = await this.#client.listCollections({ limit: page, offset });
      found.push(...collections.filter((each) => this.#names.isScopeCollection(each.name)));
      if (collections.length < page) return found;
    }
  }

  async #countVectors(): Promise<number> {
    const collections = await this.#scopeCollections();
    let total = 0;
    // A few requests at a time: an index may hold one collection per user.
    for (let start = 0; start < collections.length; start += 16) {
      const counts = await Promise.all(
        collections.slice(start, start + 16).map((collection) =>
          collection.count().catch((error: unknown) => {
            if (isChromaNotFound(error)) return 0;
            throw error;
          }),
        ),
      );
      total += counts.reduce((sum, count) => sum + count, 0);
    }
    return total;
  }
}
