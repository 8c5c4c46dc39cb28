import type { EntityId } from '../../domain/entity.js';
import type { Fact } from '../../domain/fact.js';
import {
  answerFirst,
  expandWithNeighbours,
  type FusedHit,
  fuseScores,
  preferSuccessors,
} from '../../domain/fusion.js';
import { keepLeaders } from '../../domain/leader-guard.js';
import type { Memory, MemoryId } from '../../domain/memory.js';
import { askedRelations, asksAboutThePast } from '../../domain/question-words.js';
import type { SpanTiming } from '../../domain/span-timing.js';
import type { Clock } from '../../ports/clock.js';
import type { Embedder } from '../../ports/embedder.js';
import type { Reranker } from '../../ports/reranker.js';
import type { Store } from '../../ports/store.js';
import { NO_TELEMETRY, type Telemetry } from '../../ports/telemetry.js';
import { NO_TRACER, type Tracer } from '../../ports/tracer.js';
import type { VectorIndex } from '../../ports/vector-index.js';
import type { WordVectors } from '../../ports/word-vectors.js';
import type { EntityExtraction } from '../graph/entity-extraction.js';
import { memoryContexts } from '../graph/memory-context.js';
import type { MemoryQueryResult } from '../memories/memory-inputs.js';
import { CandidateReranker, type FeatureSink } from './candidate-reranker.js';
import { CurrentFacts, type NeighbourhoodLoader } from './current-facts.js';
import { LoadedNeighbours } from './loaded-neighbours.js';
import { MemoryRows } from './memory-rows.js';
import { type QueryEntities, QueryEntityResolver } from './query-entities.js';
import { ScopeVocabulary } from './scope-vocabulary.js';
import { SearchChannels } from './search-channels.js';
import { DEFAULT_TUNING, type SearchInput, type SearchTuning } from './search-tuning.js';

export type { SearchInput, SearchTuning } from './search-tuning.js';
export { DEFAULT_TUNING, FIRST_STAGE_TUNING } from './search-tuning.js';

export interface SearchServiceDeps {
  readonly store: Store;
  readonly vectors: VectorIndex;
  readonly embedder: Embedder;
  readonly extraction: EntityExtraction;
  readonly clock: Clock;
  readonly defaultTopK: number;
  readonly defaultScoreThreshold: number;
  /** Candidates each channel contributes before fusion. */
  readonly candidates?: number;
  readonly tuning?: Partial<SearchTuning>;
  readonly telemetry?: Telemetry;
  /** Times the steps of a search (opt-in profiling); `recall` then returns the spans. */
  readonly tracer?: Tracer;
  /** The embedder's word vectors (GloVe); without them the second stage (rerank) is skipped. */
  readonly wordVectors?: WordVectors | undefined;
  /** The per-scope word counts, shared with the writer that keeps them (default: one of its own). */
  readonly vocabulary?: ScopeVocabulary | undefined;
  /** A cross-encoder that rescores the reranked best hits (optional, e.g. RERANKER_MODEL). */
  readonly crossEncoder?: Reranker | undefined;
  /** Receives the reranker's features of every candidate (benchmarks only). */
  readonly featureSink?: FeatureSink;
}

/** Ranked memories, and the facts about what the query names. */
export interface Recall {
  readonly results: MemoryQueryResult[];
  readonly facts: Fact[];
  /** Where the time went, step by step (only when tracing is on). */
  readonly spans?: SpanTiming[];
}

/**
 * The spec's retrieve_memories / query_memory: hybrid retrieval (vector, full text, entity graph)
 * fused by score, conversation neighbours pulled in, memories whose facts were replaced ranked
 * below the memory that replaced them, then enriched with entities and relationships.
 */
export class SearchService {
  readonly #deps: SearchServiceDeps;
  readonly #telemetry: Telemetry;
  readonly #tracer: Tracer;
  readonly #channels: SearchChannels;
  readonly #entities: QueryEntityResolver;
  readonly #facts: CurrentFacts;
  readonly #reranker: CandidateReranker | undefined;

  constructor(deps: SearchServiceDeps) {
    this.#deps = deps;
    this.#telemetry = deps.telemetry ?? NO_TELEMETRY;
    this.#tracer = deps.tracer ?? NO_TRACER;
    this.#channels = new SearchChannels(deps.store, deps.vectors, deps.embedder, this.#tracer);
    this.#entities = new QueryEntityResolver(deps.extraction, deps.store.graph);
    this.#facts = new CurrentFacts(deps.store.graph);
    this.#reranker = deps.wordVectors
      ? new CandidateReranker(
          deps.wordVectors,
          deps.vocabulary ?? new ScopeVocabulary(deps.store.memories, deps.wordVectors),
          { sink: deps.featureSink, crossEncoder: deps.crossEncoder },
        )
      : undefined;
  }

  /** Ranked memories with their entity context; never crosses the filter's scope. */
  async search(input: SearchInput): Promise<MemoryQueryResult[]> {
    return (await this.#recall(input, false)).results;
  }

  /** `search`, plus the facts that held (now or at `asOf`) about the entities the query names and, for "my …" questions, the speaker. */
  async recall(input: SearchInput): Promise<Recall> {
    if (!this.#tracer.enabled) return this.#recall(input, true);
    const { value, spans } = await this.#tracer.trace(() => this.#recall(input, true));
    return { ...value, spans };
  }

  async #recall(input: SearchInput, withFacts: boolean): Promise<Recall> {
    const started = performance.now();
    const asOf = input.asOf ?? this.#deps.clock.now();
    const filter = asOfFilter(input, asOf);
    const topK = input.topK ?? this.#deps.defaultTopK;
    const threshold = input.scoreThreshold ?? this.#deps.defaultScoreThreshold;
    const tuning = { ...DEFAULT_TUNING, ...this.#deps.tuning };
    const load = this.#facts.loader();
    const span = <T>(name: string, work: () => Promise<T>) => this.#tracer.span(name, work);
    const rows = new MemoryRows(this.#deps.store.memories);
    const around = new LoadedNeighbours(this.#deps.store.memories);
    // Only the entity channel needs the query's entities: the other two start at once.
    const resolving = span('query_entities', () =>
      this.#entities.resolve(input.query, input.scope, asOf, load),
    );
    const reranker = tuning.rerank ? this.#reranker : undefined;
    const candidates = reranker ? tuning.rerankCandidates : (this.#deps.candidates ?? 50);
    const channels = await span('channels', () =>
      this.#channels.run(
        filter,
        resolving.then((resolved) => resolved.named),
        Math.max(candidates, topK * 2),
        tuning,
      ),
    );
    const entities = await resolving;
    const near = await span('neighbours', () =>
      this.#withNeighbours(fuseScores(channels), filter, tuning, around),
    );
    const current = await span('current_facts', () =>
      this.#preferCurrent(near, filter, asOf, entities, tuning),
    );
    const second = reranker
      ? await span('rerank', () =>
          this.#secondStage(reranker, input, filter, current.ranked, { rows, around, tuning }),
        )
      : current.ranked;
    const ranked = tuning.answerWithCurrentFacts
      ? await span('answer_first', () =>
          this.#answerFirst(second, input, filter, { asOf, entities, load }),
        )
      : second;
    const guarded = reranker ? keepFirstStageLeaders(ranked, current.ranked, tuning) : ranked;
    const { supersededBy } = current;
    const [results, facts] = await Promise.all([
      span('hydrate', () =>
        this.#hydrate(
          guarded.filter((hit) => hit.score >= threshold).slice(0, topK),
          supersededBy,
          rows,
        ),
      ),
      withFacts
        ? span('facts', () =>
            this.#facts.about([...new Set([...entities.named, ...entities.speaker])], asOf, load),
          )
        : Promise.resolve([]),
    ]);
    this.#telemetry.observe('memory_retrieval', (performance.now() - started) / 1000);
    this.#telemetry.countOperation('search');
    return { results, facts: askedFactsFirst(facts, input.query, entities.relatives) };
  }

  /** The first stage's best hits reranked, then the turns around the reranked best pulled in. */
  async #secondStage(
    reranker: CandidateReranker,
    input: SearchInput,
    filter: SearchInput,
    first: FusedHit[],
    { rows, around, tuning }: { rows: MemoryRows; around: LoadedNeighbours; tuning: SearchTuning },
  ): Promise<FusedHit[]> {
    const reranked = await reranker.rerank(
      input.query,
      input.scope,
      first,
      rows,
      rerankOptions(tuning),
    );
    if (!tuning.neighboursAfterRerank) return reranked;
    // The reranked best hits are surer than the first stage's: their turns around come in too.
    return this.#withNeighbours(
      reranked,
      filter,
      { ...tuning, neighbourRadius: tuning.rerankNeighbourRadius },
      around,
    );
  }

  /** Pulls in the turns next to the best hits, when they pass the filter. */
  async #withNeighbours(
    fused: FusedHit[],
    input: SearchInput,
    tuning: SearchTuning,
    around: LoadedNeighbours,
  ): Promise<FusedHit[]> {
    if (tuning.neighbourFactor <= 0 || fused.length === 0) return fused;
    const neighbours = await around.of(
      fused.slice(0, tuning.neighbourTop).map((hit) => hit.id),
      tuning.neighbourRadius,
    );
    const ids = [...neighbours.values()].flat().map((neighbour) => neighbour.id);
    const allowed = new Set(await this.#channels.keepMatching(ids, input));
    const kept = new Map(
      [...neighbours].map(([id, near]) => [id, near.filter((other) => allowed.has(other.id))]),
    );
    return expandWithNeighbours(fused, kept, {
      top: tuning.neighbourTop,
      factor: tuning.neighbourFactor,
      decay: tuning.neighbourDecay,
    });
  }

  /** Ranks memories whose facts were all replaced by `asOf` below the memories that replaced them. */
  async #preferCurrent(
    hits: FusedHit[],
    input: SearchInput,
    asOf: Date,
    entities: QueryEntities,
    tuning: SearchTuning,
  ): Promise<{ ranked: FusedHit[]; supersededBy: Map<MemoryId, MemoryId> }> {
    const top = hits.slice(0, tuning.supersededTop).map((hit) => hit.id);
    if (top.length === 0 || tuning.supersededFactor >= 1)
      return { ranked: hits, supersededBy: new Map() };
    const found = await this.#facts.supersededBy(top, asOf, new Set(entities.named));
    const allowed = new Set(await this.#channels.keepMatching([...found.values()], input));
    const supersededBy = new Map([...found].filter(([, by]) => allowed.has(by)));
    return { ranked: preferSuccessors(hits, supersededBy, tuning.supersededFactor), supersededBy };
  }

  /**
   * The memories asserting the value the question asks for rank first: the value that holds now
   * or at the asked `asOf`; for a question about how things were (without `asOf`), the values
   * that have ended. "Where does my brother live" asks about the brother, not the speaker, and
   * "what's my dog's name" about the dog.
   */
  async #answerFirst(
    hits: FusedHit[],
    input: SearchInput,
    filter: SearchInput,
    { asOf, entities, load }: { asOf: Date; entities: QueryEntities; load: NeighbourhoodLoader },
  ): Promise<FusedHit[]> {
    const types = askedRelations(input.query);
    const past = !input.asOf && asksAboutThePast(input.query);
    // "Where does my sister live" with no sister known: the speaker's own facts are no answer.
    if (entities.unknownRelative && !past) return hits;
    const about =
      !past && entities.relatives.length > 0
        ? entities.relatives
        : [...new Set([...entities.named, ...entities.speaker])];
    const answers = await this.#facts.answers(about, types, { asOf, past }, load);
    return answerFirst(hits, await this.#channels.keepMatching(answers, filter));
  }

  /** Loads memories, entities and relationships for scored ids in three queries (no N+1). */
  async #hydrate(
    hits: readonly { id: MemoryId; score: number }[],
    supersededBy: ReadonlyMap<MemoryId, MemoryId>,
    rows: MemoryRows,
  ): Promise<MemoryQueryResult[]> {
    const ids = hits.map((hit) => hit.id);
    const [found, contexts] = await Promise.all([
      rows.load(ids),
      memoryContexts(this.#deps.store.graph, ids),
    ]);
    const now = this.#deps.clock.now().getTime();
    // An expired memory leaves search at once, before the sweep deletes it.
    const byId = new Map<MemoryId, Memory>(
      found
        .filter((row) => !row.expiresAt || row.expiresAt.getTime() > now)
        .map((row) => [row.id, row]),
    );
    return hits.flatMap((hit) => {
      const memory = byId.get(hit.id);
      const context = contexts.get(hit.id);
      if (!memory || !context) return [];
      const by = supersededBy.get(hit.id);
      return [{ memory, score: hit.score, ...context, ...(by ? { supersededBy: by } : {}) }];
    });
  }
}

/**
 * The first stage's surest hits stay near the top (below the asserted answers, which come
 * first): the reranker's features are weaker evidence than the first stage's lexical matches.
 */
function keepFirstStageLeaders(
  ranked: readonly FusedHit[],
  first: readonly FusedHit[],
  tuning: SearchTuning,
): FusedHit[] {
  const leaders = first.slice(0, tuning.rerankGuardLeaders).map((hit) => hit.id);
  return keepLeaders(ranked, leaders, tuning.rerankGuardWithin);
}

function rerankOptions(tuning: SearchTuning) {
  return {
    top: tuning.rerankTop,
    weights: tuning.rerankWeights,
    softFloor: tuning.softFloor,
    sessionDecay: tuning.sessionDecay,
    sessionFree: tuning.sessionFree,
    budgetMs: tuning.rerankBudgetMs,
    crossEncoderTop: tuning.crossEncoderTop,
    crossEncoderWeight: tuning.crossEncoderWeight,
  };
}

/**
 * The facts the question asks about first ("who is my boss" → reports_to, "where does my brother
 * live" → the brother's lives_in), then the rest in their order.
 */
function askedFactsFirst(facts: Fact[], query: string, relatives: readonly EntityId[]): Fact[] {
  const types = new Set(askedRelations(query));
  const about = new Set(relatives);
  const rank = (fact: Fact) =>
    (types.has(fact.relationship.relationType) ? 0 : 2) +
    (about.size === 0 || about.has(fact.source.id) || about.has(fact.target.id) ? 0 : 1);
  return facts
    .map((fact, index) => ({ fact, index, rank: rank(fact) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((item) => item.fact);
}

/** The filter with `asOf` applied: only memories written by then. */
function asOfFilter(input: SearchInput, asOf: Date): SearchInput {
  if (!input.asOf) return input;
  const until = new Date(asOf.getTime() + 1);
  const createdBefore =
    input.createdBefore && input.createdBefore < until ? input.createdBefore : until;
  return { ...input, createdBefore };
}
