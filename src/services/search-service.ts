import { normalizeEntityName } from '../domain/entity.js';
import { type RankedList, reciprocalRankFusion } from '../domain/fusion.js';
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
  readonly weights?: { readonly vector: number; readonly text: number; readonly entity: number };
  readonly telemetry?: Telemetry;
}

const DEFAULT_WEIGHTS = { vector: 1, text: 1, entity: 0.5 };

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
    const weights = this.#deps.weights ?? DEFAULT_WEIGHTS;
    const [vector, text, entity] = await Promise.all([
      this.#vectorChannel(input, candidates),
      this.#deps.store.memories.fullTextSearch(input, input.query, candidates),
      this.#entityChannel(input, candidates),
    ]);
    const lists: RankedList[] = [
      { name: 'vector', weight: weights.vector, ids: vector },
      { name: 'text', weight: weights.text, ids: text.map((hit) => hit.id) },
      { name: 'entity', weight: weights.entity, ids: entity },
    ];
    const fused = reciprocalRankFusion(lists)
      .filter((hit) => hit.score >= threshold)
      .slice(0, topK);
    const results = await this.hydrate(fused);
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

  async #vectorChannel(input: SearchInput, candidates: number): Promise<MemoryId[]> {
    const [embedding] = await this.#deps.embedder.embed([input.query]);
    if (!embedding) return [];
    const matches = await this.#deps.vectors.query({
      embedding,
      scope: input.scope,
      topK: candidates,
      ...(input.memoryType ? { memoryType: input.memoryType } : {}),
    });
    return this.#keepMatching(
      matches.map((match) => match.id),
      input,
    );
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
