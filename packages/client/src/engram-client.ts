import { type CallOptions, type HttpRequest, type RetryInfo, send } from './transport.js';
import type {
  AddMemoryBody,
  MemoryInput,
  OperationId,
  QueryOf,
  RequestBody,
  ResponseOf,
  Scope,
  SearchBody,
  UpdateMemoryBody,
} from './types.js';

/** How to reach an Engram server. Only `baseUrl` is needed. */
export interface EngramClientOptions {
  /** e.g. `http://127.0.0.1:8000` */
  readonly baseUrl: string;
  /** Sent as `Authorization: Bearer <key>`. */
  readonly apiKey?: string | undefined;
  /** Per-attempt timeout (default 30 s). */
  readonly timeoutMs?: number;
  /** Retries on 429 and 503, honouring `Retry-After` (default 2). */
  readonly maxRetries?: number;
  /** Longest wait before one retry (default 30 s); a longer `Retry-After` is thrown at once. */
  readonly maxRetryDelayMs?: number;
  /** A fetch to use instead of the global one (tests, proxies, in-process transports). */
  readonly fetch?: typeof fetch;
  /** Extra headers on every request. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Called before each retry. */
  readonly onRetry?: (retry: RetryInfo) => void;
}

const path = (template: string, id: string) => template.replace('{id}', encodeURIComponent(id));

/**
 * A typed client for every Engram route. Method names are the OpenAPI operationIds; bodies and
 * answers are the server's schemas (generated from its OpenAPI document). Failures throw
 * `EngramError` with the server's `code`.
 */
export class EngramClient {
  readonly #options: Parameters<typeof send>[0];

  constructor(options: EngramClientOptions) {
    this.#options = {
      baseUrl: options.baseUrl,
      apiKey: options.apiKey,
      timeoutMs: options.timeoutMs ?? 30_000,
      maxRetries: options.maxRetries ?? 2,
      maxRetryDelayMs: options.maxRetryDelayMs ?? 30_000,
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      headers: options.headers,
      onRetry: options.onRetry,
    };
  }

  #call<Op extends OperationId, Status extends number = 200>(
    _operation: Op,
    request: HttpRequest,
    call?: CallOptions,
  ): Promise<ResponseOf<Op, Status>> {
    return send<ResponseOf<Op, Status>>(this.#options, request, call);
  }

  /** Adds one memory; entities and relationships are extracted. Identical content returns the stored memory. */
  addMemory(body: AddMemoryBody, call?: CallOptions) {
    return this.#call<'addMemory', 201>(
      'addMemory',
      { method: 'POST', path: '/memories', body },
      call,
    );
  }

  /** Adds up to 1,000 memories in one transaction; each item succeeds or fails on its own. */
  addMemories(items: readonly MemoryInput[], call?: CallOptions) {
    const body = { items };
    return this.#call('addMemories', { method: 'POST', path: '/memories/batch', body }, call);
  }

  /** Lists a scope's memories, newest first. */
  listMemories(query: QueryOf<'listMemories'> = {}, call?: CallOptions) {
    return this.#call('listMemories', { method: 'GET', path: '/memories', query }, call);
  }

  /** One memory and its chunks. */
  getMemory(id: string, scope: Scope = {}, call?: CallOptions) {
    const request = { method: 'GET', path: path('/memories/{id}', id), query: scope } as const;
    return this.#call('getMemory', request, call);
  }

  /** Rewrites a memory's content or metadata (re-chunked, re-extracted, re-embedded). */
  updateMemory(id: string, body: UpdateMemoryBody, call?: CallOptions) {
    const request = { method: 'PATCH', path: path('/memories/{id}', id), body } as const;
    return this.#call('updateMemory', request, call);
  }

  /** Deletes a memory with its vectors and whatever only it supported. */
  async deleteMemory(id: string, scope: Scope = {}, call?: CallOptions): Promise<void> {
    const request = { method: 'DELETE', path: path('/memories/{id}', id), query: scope } as const;
    await this.#call('deleteMemory', request, call);
  }

  /** The add, update and delete events of a memory. */
  getMemoryHistory(id: string, scope: Scope = {}, call?: CallOptions) {
    const request = {
      method: 'GET',
      path: path('/memories/{id}/history', id),
      query: scope,
    } as const;
    return this.#call('getMemoryHistory', request, call);
  }

  /** Hybrid search; each result carries its entities and relationships, plus current `facts`. */
  searchMemories(body: SearchBody, call?: CallOptions) {
    return this.#call('searchMemories', { method: 'POST', path: '/memories/search', body }, call);
  }

  /** Entities by name (or alias) prefix and type. */
  searchEntities(query: QueryOf<'searchEntities'> = {}, call?: CallOptions) {
    return this.#call('searchEntities', { method: 'GET', path: '/entities', query }, call);
  }

  /** One entity with its aliases and mention count. */
  getEntity(id: string, scope: Scope = {}, call?: CallOptions) {
    const request = { method: 'GET', path: path('/entities/{id}', id), query: scope } as const;
    return this.#call('getEntity', request, call);
  }

  /** An entity's relationships in both directions, current and closed (or those at `as_of`). */
  getEntityRelationships(
    id: string,
    query: QueryOf<'getEntityRelationships'> = {},
    call?: CallOptions,
  ) {
    const request = {
      method: 'GET',
      path: path('/entities/{id}/relationships', id),
      query,
    } as const;
    return this.#call('getEntityRelationships', request, call);
  }

  /** Nodes and edges within `depth` (1..3) of an entity. */
  getEntityGraph(id: string, query: QueryOf<'getEntityGraph'> = {}, call?: CallOptions) {
    const request = { method: 'GET', path: path('/entities/{id}/graph', id), query } as const;
    return this.#call('getEntityGraph', request, call);
  }

  /** Renames, retypes or re-aliases an entity; the old name stays an alias. Scope in the body. */
  updateEntity(id: string, body: RequestBody<'updateEntity'>, call?: CallOptions) {
    const request = { method: 'PATCH', path: path('/entities/{id}', id), body } as const;
    return this.#call('updateEntity', request, call);
  }

  /** Folds the entity `from_id` into `id`: mentions, aliases and relationships move. */
  mergeEntity(id: string, body: RequestBody<'mergeEntity'>, call?: CallOptions) {
    const request = { method: 'POST', path: path('/entities/{id}/merge', id), body } as const;
    return this.#call('mergeEntity', request, call);
  }

  /** Deletes an entity with its mentions and relationships; the memories stay. */
  deleteEntity(id: string, scope: Scope = {}, call?: CallOptions) {
    const request = { method: 'DELETE', path: path('/entities/{id}', id), query: scope } as const;
    return this.#call('deleteEntity', request, call);
  }

  /** The corrections of an entity (update, merge, merged_into, delete), oldest first. */
  getEntityHistory(id: string, scope: Scope = {}, call?: CallOptions) {
    const request = {
      method: 'GET',
      path: path('/entities/{id}/history', id),
      query: scope,
    } as const;
    return this.#call('getEntityHistory', request, call);
  }

  /** The memories that mention an entity, newest first, with where they mention it. */
  listEntityMemories(id: string, query: QueryOf<'listEntityMemories'> = {}, call?: CallOptions) {
    const request = { method: 'GET', path: path('/entities/{id}/memories', id), query } as const;
    return this.#call('listEntityMemories', request, call);
  }

  /** The entities a memory mentions (with offsets) and the relationships it asserts. */
  getMemoryEntities(id: string, scope: Scope = {}, call?: CallOptions) {
    const request = {
      method: 'GET',
      path: path('/memories/{id}/entities', id),
      query: scope,
    } as const;
    return this.#call('getMemoryEntities', request, call);
  }

  /** The users and agents that hold memories, with counts. */
  listScopes(query: QueryOf<'listScopes'> = {}, call?: CallOptions) {
    return this.#call('listScopes', { method: 'GET', path: '/scopes', query }, call);
  }

  /** A scope's entities (the most mentioned first) and the relationships between them. */
  getScopeGraph(query: QueryOf<'getScopeGraph'> = {}, call?: CallOptions) {
    return this.#call('getScopeGraph', { method: 'GET', path: '/graph', query }, call);
  }

  /** Forgets a user: every memory of it and what was derived from them. Repeating is harmless. */
  forgetUser(userId: string, call?: CallOptions) {
    const request = { method: 'DELETE', path: `/users/${encodeURIComponent(userId)}` } as const;
    return this.#call('forgetUser', request, call);
  }

  /** Forgets an agent: every memory of it (any user) and what was derived from them. */
  forgetAgent(agentId: string, call?: CallOptions) {
    const request = { method: 'DELETE', path: `/agents/${encodeURIComponent(agentId)}` } as const;
    return this.#call('forgetAgent', request, call);
  }

  /** Creates an API key (admin); the answer's `secret` is the only time the key is shown. */
  createKey(body: RequestBody<'createKey'>, call?: CallOptions) {
    return this.#call<'createKey', 201>('createKey', { method: 'POST', path: '/keys', body }, call);
  }

  /** Lists the API keys of the caller's tenant (admin), never the keys themselves. */
  listKeys(call?: CallOptions) {
    return this.#call('listKeys', { method: 'GET', path: '/keys' }, call);
  }

  /** Revokes an API key at once (admin). */
  async revokeKey(id: string, call?: CallOptions): Promise<void> {
    await this.#call('revokeKey', { method: 'DELETE', path: path('/keys/{id}', id) }, call);
  }

  /** A scope as JSON Lines text (the format `importScope` takes back). */
  exportScope(query: QueryOf<'exportScope'>, call?: CallOptions): Promise<string> {
    const request: HttpRequest = { method: 'GET', path: '/export', query, text: true };
    return send<string>(this.#options, request, call);
  }

  /** Imports JSON Lines text from `exportScope`: idempotent, ids kept, a result per line. */
  importScope(jsonLines: string, call?: CallOptions) {
    const request: HttpRequest = {
      method: 'POST',
      path: '/import',
      body: jsonLines,
      contentType: 'application/x-ndjson',
    };
    return this.#call('importScope', request, call);
  }

  /** Stores a message, recalls related memories, and answers (with an LLM on the server). */
  chat(body: RequestBody<'chat'>, call?: CallOptions) {
    return this.#call('chat', { method: 'POST', path: '/chat', body }, call);
  }

  /** Turns a conversation into memories (facts by LLM, or informative user turns by rule). */
  processConversation(body: RequestBody<'processConversation'>, call?: CallOptions) {
    const request = { method: 'POST', path: '/conversations/process', body } as const;
    return this.#call('processConversation', request, call);
  }

  /** Summarises a text keeping its entity names. */
  summarize(body: RequestBody<'summarize'>, call?: CallOptions) {
    return this.#call('summarize', { method: 'POST', path: '/summarize', body }, call);
  }

  /** Liveness. */
  getHealth(call?: CallOptions) {
    return this.#call('getHealth', { method: 'GET', path: '/health' }, call);
  }

  /** Readiness of the database, vector index and outbox; answers (not throws) when not ready. */
  getReadiness(call?: CallOptions) {
    const request: HttpRequest = { method: 'GET', path: '/ready', acceptStatuses: [503] };
    return this.#call('getReadiness', request, call);
  }

  /** Prometheus metrics, as text. */
  getMetrics(call?: CallOptions): Promise<string> {
    return send<string>(this.#options, { method: 'GET', path: '/metrics', text: true }, call);
  }
}
