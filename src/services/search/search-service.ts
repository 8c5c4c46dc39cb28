import { normalizeEntityName } from '../../domain/entity.js';
import {
  type ChannelHits,
  expandWithNeighbours,
  type FusedHit,
  fuseScores,
  saturate,
} from '../../domain/fusion.js';
import type { Memory, MemoryId } from '../../domain/memory.js';
import type { Scope } from '../../domain/scope.js';
import type { Embedder } from '../../ports/embedder.js';
import type { MemoryFilter } from '../../ports/memory-repository.js';
import type { Store } from '../../ports/store.js';
import { NO_TELEMETRY, type Telemetry } from '../../ports/telemetry.js';
import type { VectorIndex } from '../../ports/vector-index.js';
import type { EntityExtraction } from '../graph/entity-extraction.js';
import { memoryContexts } from '../graph/memory-context.js';
import type { MemoryQueryResult } from '../memories/memory-inputs.js';

export interface SearchInput extends MemoryFilter {
  readonly query: string;
  readonly topK?: number;
  readonly scoreThreshold?: number;
}

export interface SearchServiceDeps {
  readonly store: Store;
  readonly vectors: VectorIndex;
  readonly embedder: Embedder;
  readonly extraction: EntityExtraction;
  readonly defaultTopK: number;
  readonly defaultScoreThreshold: number;
  /** Candidates each channel contributes before fusion. */
  readonly candidates?: number;
  readonly tuning?: Partial<SearchTuning>;
  readonly telemetry?: Telemetry;
}

/** Fusion parameters; the defaults were chosen on LoCoMo dev (see docs/decisions/0004-hybrid-retrieval.md). */
export interface SearchTuning {
  readonly vectorWeight: number;
  readonly textWeight: number;
  readonly entityWeight: number;
  /** k in bm25 / (bm25 + k). */
  readonly bm25Saturation: number;
  /** Neighbours of this many top hits are pulled in … */
  readonly neighbourTop: number;
  /** … at this fraction of the hit's score (0 turns it off), … */
  readonly neighbourFactor: number;
  /** … up to this many turns away, … */
  readonly neighbourRadius: number;
  /** … losing this factor per extra turn of distance. */
  readonly neighbourDecay: number;
}

/** Entities mentioned by more than this share of a scope's memories are not used to find memories. */
const ENTITY_MAX_SHARE = 0.25;

export const DEFAULT_TUNING: SearchTuning = {
  vectorWeight: 0.2,
  textWeight: 0.8,
  entityWeight: 0.1,
  bm25Saturation: 5,
  neighbourTop: 10,
  neighbourFactor: 0.8,
  neighbourRadius: 1,
  neighbourDecay: 0.9,
};

/**
 * The spec's retrieve_memories / query_memory: hybrid retrieval (vector, full text, entity graph)
 * fused by reciprocal rank, then enriched with entities and relationships.
 */
export class SearchService {
  readonly #deps: SearchServiceDeps;
  readonly #telemetry: Telemetry;

  constructor(deps: SearchServiceDeps) {
    this.#deps = deps;
    this.#telemetry = deps.telemetry ?? NO_TELEMETRY;
  }

  /** Ranked memories with their entity context; never crosses the filter's scope. */
  async search(input: SearchInput): Promise<MemoryQueryResult[]> {
    const started = performance.now();
    const topK = input.topK ?? this.#deps.defaultTopK;
    const threshold = input.scoreThreshold ?? this.#deps.defaultScoreThreshold;
    const tuning = { ...DEFAULT_TUNING, ...this.#deps.tuning };
    const channels = await this.#channels(
      input,
      Math.max(this.#deps.candidates ?? 50, topK * 2),
      tuning,
    );
    const fused = await this.#withNeighbours(fuseScores(channels), input, tuning);
    const results = await this.#hydrate(
      fused.filter((hit) => hit.score >= threshold).slice(0, topK),
    );
    this.#telemetry.observe('memory_retrieval', (performance.now() - started) / 1000);
    this.#telemetry.countOperation('search');
    return results;
  }

  async #channels(
    input: SearchInput,
    candidates: number,
    tuning: SearchTuning,
  ): Promise<ChannelHits[]> {
    const [vector, text, entity] = await Promise.all([
      this.#vectorChannel(input, candidates),
      this.#deps.store.memories.fullTextSearch(input, input.query, candidates),
      tuning.entityWeight > 0 ? this.#entityChannel(input, candidates) : Promise.resolve([]),
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

  /** Pulls in the turns next to the best hits, when they pass the filter. */
  async #withNeighbours(
    fused: FusedHit[],
    input: SearchInput,
    tuning: SearchTuning,
  ): Promise<FusedHit[]> {
    if (tuning.neighbourFactor <= 0 || fused.length === 0) return fused;
    const neighbours = await this.#deps.store.memories.neighboursOf(
      fused.slice(0, tuning.neighbourTop).map((hit) => hit.id),
      tuning.neighbourRadius,
    );
    const ids = [...neighbours.values()].flat().map((neighbour) => neighbour.id);
    const allowed = new Set(await this.#keepMatching(ids, input));
    const kept = new Map(
      [...neighbours].map(([id, near]) => [id, near.filter((other) => allowed.has(other.id))]),
    );
    return expandWithNeighbours(fused, kept, {
      top: tuning.neighbourTop,
      factor: tuning.neighbourFactor,
      decay: tuning.neighbourDecay,
    });
  }

  /** Loads memories, entities and relationships for scored ids in three queries (no N+1). */
  async #hydrate(hits: readonly { id: MemoryId; score: number }[]): Promise<MemoryQueryResult[]> {
    const ids = hits.map((hit) => hit.id);
    const [rows, contexts] = await Promise.all([
      this.#deps.store.memories.findMany(ids),
      memoryContexts(this.#deps.store.graph, ids),
    ]);
    const byId = new Map<MemoryId, Memory>(rows.map((row) => [row.id, row]));
    return hits.flatMap((hit) => {
      const memory = byId.get(hit.id);
      const context = contexts.get(hit.id);
      if (!memory || !context) return [];
      return [{ memory, score: hit.score, ...context }];
    });
  }

  async #vectorChannel(
    input: SearchInput,
    candidates: number,
  ): Promise<Array<{ id: MemoryId; relevance: number }>> {
    const [embedding] = await this.#deps.embedder.embed([input.query]);
    if (!embedding) return [];
    const matches = await this.#deps.vectors.query({
      embedding,
      scope: input.scope,
      topK: candidates,
      ...(input.memoryType ? { memoryType: input.memoryType } : {}),
    });
    const kept = new Set(
      await this.#keepMatching(
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
    candidates: number,
  ): Promise<Array<{ id: MemoryId; relevance: number }>> {
    const extraction = await this.#deps.extraction.extract(input.query, speaker(input.scope));
    const names = new Set(
      extraction.entities
        .filter((mention) => !mention.isSpeaker)
        .map((mention) => normalizeEntityName(mention.text, mention.type)),
    );
    if (names.size === 0) return [];
    const found = await Promise.all(
      [...names].map((name) => this.#deps.store.graph.findByName(input.scope, name)),
    );
    const entityIds = [...new Set(found.flat().map((entity) => entity.id))];
    if (entityIds.length === 0) return [];
    const [total, counts] = await Promise.all([
      this.#deps.store.memories.countSearchUnits({ scope: input.scope }),
      this.#deps.store.graph.mentionCounts(entityIds),
    ]);
    const informative = entityIds.filter(
      (id) =>
        (counts.get(id) ?? 0) > 0 && (counts.get(id) ?? 0) <= Math.max(1, total * ENTITY_MAX_SHARE),
    );
    if (informative.length === 0 || total < 2) return [];
    const rarest = Math.min(...informative.map((id) => counts.get(id) ?? total));
    const relevance = Math.log(total / rarest) / Math.log(total);
    const ids = await this.#deps.store.graph.memoriesMentioning(
      input.scope,
      informative,
      candidates,
    );
    return (await this.#keepMatching(ids, input)).map((id) => ({ id, relevance }));
  }

  /** Drops ids that no longer exist or fail the filter (vectors may lag Postgres). */
  async #keepMatching(ids: readonly MemoryId[], filter: MemoryFilter): Promise<MemoryId[]> {
    // Every channel already keeps to the scope, and hydration drops ids that are gone: only the
    // other filters need a look at Postgres.
    if (ids.length === 0 || !narrowsScope(filter)) return [...ids];
    const allowed = await this.#deps.store.memories.filterIds(ids, filter);
    return ids.filter((id) => allowed.has(id));
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

function speaker(scope: Scope): { speaker?: string } {
  return scope.userId ? { speaker: scope.userId } : {};
}
