import type { Clock } from '../ports/clock.js';
import type { Embedder } from '../ports/embedder.js';
import type { EntityExtractor } from '../ports/entity-extractor.js';
import type { Llm } from '../ports/llm.js';
import type { Lock } from '../ports/lock.js';
import type { Log } from '../ports/log.js';
import type { Store } from '../ports/store.js';
import type { Telemetry } from '../ports/telemetry.js';
import type { VectorIndex } from '../ports/vector-index.js';
import { ChatService } from './conversations/chat-service.js';
import { ConversationService } from './conversations/conversation-service.js';
import type { SummaryService } from './conversations/summary-service.js';
import { EntityService } from './graph/entity-service.js';
import { GraphService } from './graph/graph-service.js';
import { IndexSync } from './indexing/index-sync.js';
import { MemoryService } from './memories/memory-service.js';
import { SearchService } from './search/search-service.js';

export interface CoreDependencies {
  readonly store: Store;
  readonly vectors: VectorIndex;
  readonly embedder: Embedder;
  readonly extractor: EntityExtractor;
  readonly clock: Clock;
  readonly telemetry?: Telemetry;
  readonly log?: Log;
  /** Cross-process lock for the outbox reconciler (replicas on one PostgreSQL server). */
  readonly lock?: Lock;
  readonly settings: {
    readonly maxChunkTokens: number;
    readonly topK: number;
    readonly scoreThreshold: number;
  };
}

/** Wires the core services from their ports (used by the container and by tests). */
export function createCoreServices(deps: CoreDependencies) {
  const telemetry = deps.telemetry ? { telemetry: deps.telemetry } : {};
  const entities = new EntityService(deps.extractor, deps.telemetry);
  const index = new IndexSync({
    store: deps.store,
    vectors: deps.vectors,
    embedder: deps.embedder,
    ...telemetry,
    ...(deps.log ? { log: deps.log } : {}),
    ...(deps.lock ? { lock: deps.lock } : {}),
  });
  const memories = new MemoryService({
    store: deps.store,
    entities,
    index,
    clock: deps.clock,
    maxChunkTokens: deps.settings.maxChunkTokens,
    ...telemetry,
  });
  const search = new SearchService({
    store: deps.store,
    vectors: deps.vectors,
    embedder: deps.embedder,
    entities,
    defaultTopK: deps.settings.topK,
    defaultScoreThreshold: deps.settings.scoreThreshold,
    ...telemetry,
  });
  const graph = new GraphService(deps.store.graph);
  return { entities, index, memories, search, graph };
}

export type CoreServices = ReturnType<typeof createCoreServices>;

export interface ConversationDependencies {
  /** Absent: rule-based conversation processing and `response: null` chat answers. */
  readonly llm?: Llm | undefined;
  readonly summaries: SummaryService;
  readonly log?: Log | undefined;
}

/** Wires the LLM-backed services (conversations, chat, summaries) on top of the core ones. */
export function createConversationServices(core: CoreServices, deps: ConversationDependencies) {
  const shared = {
    memories: core.memories,
    search: core.search,
    ...(deps.llm ? { llm: deps.llm } : {}),
    ...(deps.log ? { log: deps.log } : {}),
  };
  return {
    conversations: new ConversationService(shared),
    chat: new ChatService(shared),
    summaries: deps.summaries,
  };
}

export type ConversationServices = ReturnType<typeof createConversationServices>;
