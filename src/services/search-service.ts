import { normalizeEntityName } from '../domain/entity.js';
import { type ChannelHits, expandWithNeighbours, fuseScores, saturate } from '../domain/fusion.js';
import type { Memory, MemoryId } from '../domain/memory.js';
import type { Relationship } from '../domain/relationship.js';
import type { Scope } from '../domain/scope.js';
import type { Embedder } from '../ports/embedder.js';
import type { MemoryFilter } from '../ports/memory-repository.js';
import type { Store } from '../ports/store.js';
import { NO_TELEMETRY, type Telemetry } from '../ports/telemetry.js';
import type { VectorIndex } from '../ports/vector-index.js';
import type { EntityService } from './entity-service.js';
import type { MemoryQueryResult } from './memory-inputs.js';

export interface SearchInput extends MemoryFilter {
  readonly query: string;
  readonly topK?: number;
  readonly scoreThreshold?: number;
}

export interface SearchServiceDeps {
  readonly store: Store;
  readonly vectors: VectorIndex;
  readonly embedder: Embedder;
  readonly entities: EntityService;
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
  /** … at this fraction of the hit's score (0 turns it off). */
  readonly neighbourFactor: number;
}

export const DEFAULT_TUNING: SearchTuning = {
  vectorWeight: 0.2,
  textWeight: 0.8,
  entityWeight: 0.1,
  bm25Saturation: 5,
  neighbourTop: 10,
  neighbourFactor: 0.8,
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
    const candidates = Math.max(this.#deps.candidates ?? 50, topK * 2);
    const tuning = { ...DEFAULT_TUNING, ...this.#deps.tuning };
    const [vector, text, entity] = await Promise.all([
      this.#vectorChannel(input, candidates),
      this.#deps.store.memories.fullTextSearch(input, input.query, candidates),
      tuning.entityWeight > 0 ? this.#entityChannel(input, candidates) : Promise.resolve([]),
    ]);
    const channels: ChannelHits[] = [
      { name: 'vector', weight: tuning.vectorWeight, hits: vector },
      {
        name: 'text',
        weight: tuning.textWeight,
        hits: text.map((hit) => ({
          id: hit.id,
          relevance: saturate(hit.score, tuning.bm25Saturation),
        })),
      },
      {
        name: 'entity',
        weight: tuning.entityWeight,
        hits: entity.map((id) => ({ id, relevance: 1 })),
      },
    ];
    let fused = fuseScores(channels);
    if (tuning.neighbourFactor > 0 && fused.length > 0) {
      const top = fused.slice(0, tuning.neighbourTop).map((hit) => hit.id);
      const neighbours = await this.#deps.store.memories.neighboursOf(top);
      const allowed = await this.#deps.store.memories.filterIds(
        [...neighbours.values()].flat(),
        input,
      );
      const kept = new Map(
        [...neighbours].map(([id, ids]) => [id, ids.filter((n) => allowed.has(n))]),
      );
      fused = expandWithNeighbours(fused, kept, {
        top: tuning.neighbourTop,
        factor: tuning.neighbourFactor,
      });
    }
    const results = await this.hydrate(
      fused.filter((hit) => hit.score >= threshold).slice(0, topK),
    );
    this.#telemetry.observe('memory_retrieval', (performance.now() - started) / 1000);
    this.#telemetry.countOperation('search');
    return results;
  }

  /** Loads memories, entities and relationships for scored ids in three queries (no N+1). */
  async hydrate(hits: readonly { id: MemoryId; score: number }[]): Promise<MemoryQueryResult[]> {
    const ids = hits.map((hit) => hit.id);
    const [rows, mentions, relationships] = await Promise.all([
      this.#deps.store.memories.findMany(ids),
      this.#deps.store.graph.mentionsOf(ids),
      this.#deps.store.graph.relationshipsOfMemories(ids),
    ]);
    const byId = new Map<MemoryId, Memory>(rows.map((row) => [row.id, row]));
    return hits.flatMap((hit) => {
      const memory = byId.get(hit.id);
      if (!memory) return [];
      const entities = [
        ...new Map(
          mentions.filter((m) => m.memoryId === hit.id).map((m) => [m.entity.id, m.entity]),
        ).values(),
      ];
      const edges: Relationship[] = relationships
        .filter((edge) => edge.evidenceMemoryId === hit.id)
        .map(({ evidenceMemoryId: _evidence, ...edge }) => edge);
      return [{ memory, score: hit.score, entities, relationships: edges }];
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

  async #entityChannel(input: SearchInput, candidates: number): Promise<MemoryId[]> {
    const extraction = await this.#deps.entities.processText(input.query, speaker(input.scope));
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
    const ids = await this.#deps.store.graph.memoriesMentioning(input.scope, entityIds, candidates);
    return this.#keepMatching(ids, input);
  }

  /** Drops ids that no longer exist or fail the filter (vectors may lag Postgres). */
  async #keepMatching(ids: readonly MemoryId[], filter: MemoryFilter): Promise<MemoryId[]> {
    const allowed = await this.#deps.store.memories.filterIds(ids, filter);
    return ids.filter((id) => allowed.has(id));
  }
}

function speaker(scope: Scope): { speaker?: string } {
  return scope.userId ? { speaker: scope.userId } : {};
}
