import type { EntityId } from '../../domain/entity.js';
import { type ChannelHits, saturate } from '../../domain/fusion.js';
import type { MemoryId } from '../../domain/memory.js';
import type { Embedder } from '../../ports/embedder.js';
import type { MemoryFilter } from '../../ports/memory-repository.js';
import type { Store } from '../../ports/store.js';
import { NO_TRACER, type Tracer } from '../../ports/tracer.js';
import type { VectorIndex } from '../../ports/vector-index.js';
import type { SearchInput, SearchTuning } from './search-tuning.js';

/** Entities mentioned by more than this share of a scope's memories are not used to find memories. */
const ENTITY_MAX_SHARE = 0.25;

type Hits = Array<{ id: MemoryId; relevance: number }>;

/** The three first-stage retrievers: vector, full text (BM25) and entity links. */
export class SearchChannels {
  readonly #store: Pick<Store, 'memories' | 'graph'>;
  readonly #vectors: VectorIndex;
  readonly #embedder: Embedder;
  readonly #tracer: Tracer;

  constructor(
    store: Pick<Store, 'memories' | 'graph'>,
    vectors: VectorIndex,
    embedder: Embedder,
    tracer: Tracer = NO_TRACER,
  ) {
    this.#store = store;
    this.#vectors = vectors;
    this.#embedder = embedder;
    this.#tracer = tracer;
  }

  /** Each channel's candidates for a query, within the filter; `named` may still be resolving. */
  async run(
    input: SearchInput,
    named: Promise<readonly EntityId[]>,
    candidates: number,
    tuning: SearchTuning,
  ): Promise<ChannelHits[]> {
    const span = <T>(name: string, work: () => Promise<T>) => this.#tracer.span(name, work);
    const [vector, text, entity] = await Promise.all([
      span('channel.vector', () => this.#vectorChannel(input, candidates)),
      span('channel.text', () =>
        this.#store.memories.fullTextSearch(input, input.query, candidates),
      ),
      tuning.entityWeight > 0
        ? span('channel.entity', async () => this.#entityChannel(input, await named, candidates))
        : Promise.resolve([]),
    ]);
    const bm25 = text.map((hit) => ({
      id: hit.id,
      relevance: saturate(hit.score, tuning.bm25Saturation),
    }));
    return [
      { name: 'vector', weight: tuning.vectorWeight, hits: vector },
      { name: 'text', weight: tuning.textWeight, hits: bm25 },
      { name: 'entity', weight: tuning.entityWeight, hits: entity },
    ];
  }

  /** Drops ids that no longer exist or fail the filter (vectors may lag Postgres). */
  async keepMatching(ids: readonly MemoryId[], filter: MemoryFilter): Promise<MemoryId[]> {
    // Every channel already keeps to the scope, and hydration drops ids that are gone: only the
    // other filters need a look at Postgres.
    if (ids.length === 0 || !narrowsScope(filter)) return [...ids];
    const allowed = await this.#store.memories.filterIds(ids, filter);
    return ids.filter((id) => allowed.has(id));
  }

  async #vectorChannel(input: SearchInput, candidates: number): Promise<Hits> {
    const [embedding] = await this.#tracer.span('embed', () => this.#embedder.embed([input.query]));
    if (!embedding) return [];
    const matches = await this.#vectors.query({
      embedding,
      scope: input.scope,
      topK: candidates,
      ...(input.memoryType ? { memoryType: input.memoryType } : {}),
    });
    const kept = new Set(
      await this.keepMatching(
        matches.map((match) => match.id),
        input,
      ),
    );
    return matches
      .filter((match) => kept.has(match.id))
      .map((match) => ({ id: match.id, relevance: 1 - match.distance }));
  }

  /**
   * Memories linked to the entities the query names (directly or one hop away). Entities that
   * most memories mention (a speaker's own name) carry no information and are left out; the
   * channel's relevance is the inverse document frequency of the rarest entity, in [0,1].
   */
  async #entityChannel(
    input: SearchInput,
    entityIds: readonly EntityId[],
    candidates: number,
  ): Promise<Hits> {
    if (entityIds.length === 0) return [];
    const [total, counts] = await Promise.all([
      this.#store.memories.countSearchUnits({ scope: input.scope }),
      this.#store.graph.mentionCounts(entityIds),
    ]);
    const maxMentions = Math.max(1, Math.floor(total * ENTITY_MAX_SHARE));
    const informative = entityIds.filter(
      (id) => (counts.get(id) ?? 0) > 0 && (counts.get(id) ?? 0) <= maxMentions,
    );
    if (informative.length === 0 || total < 2) return [];
    const rarest = Math.min(...informative.map((id) => counts.get(id) ?? total));
    const relevance = Math.log(total / rarest) / Math.log(total);
    const ids = await this.#store.graph.memoriesMentioning(
      input.scope,
      informative,
      candidates,
      maxMentions,
    );
    return (await this.keepMatching(ids, input)).map((id) => ({ id, relevance }));
  }
}

/** True when a filter says more than the scope. */
function narrowsScope(filter: MemoryFilter): boolean {
  const hasMetadata = filter.metadata !== undefined && Object.keys(filter.metadata).length > 0;
  return (
    filter.sessionId !== undefined ||
    filter.memoryType !== undefined ||
    hasMetadata ||
    filter.createdAfter !== undefined ||
    filter.createdBefore !== undefined
  );
}
