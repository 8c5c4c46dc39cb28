import cors from '@fastify/cors';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { AppError } from '../domain/errors.js';
import type { Metrics } from '../observability/metrics.js';
import type { OperationRecord } from '../observability/operation-logger.js';
import type { ApiKeyService } from '../services/access/api-key-service.js';
import type { ScopeTransfer } from '../services/archive/scope-transfer.js';
import type { ChatService } from '../services/conversations/chat-service.js';
import type { ConversationService } from '../services/conversations/conversation-service.js';
import type { SummaryService } from '../services/conversations/summary-service.js';
import type { ScopeForgetting } from '../services/forget/scope-forgetting.js';
import type { GraphService } from '../services/graph/graph-service.js';
import type { EntityCorrections } from '../services/graph-edits/entity-corrections.js';
import type { HealthService } from '../services/health/health-service.js';
import type { StorageState } from '../services/health/storage-state.js';
import type { MemoryReader } from '../services/memories/memory-reader.js';
import type { MemoryWriter } from '../services/memories/memory-writer.js';
import type { ScopeService } from '../services/scopes/scope-service.js';
import type { SearchService } from '../services/search/search-service.js';
import {
  type AccessOptions,
  DEFAULT_PUBLIC_PATHS,
  registerAccessControl,
} from './access/access-control.js';
import { API_DESCRIPTION, DOCS_THEME } from './api-description.js';
import { registerBodyParsers } from './edge/body-parsers.js';
import { assertStorableInput } from './edge/input-problems.js';
import { type LoadLimits, registerLoadLimits } from './edge/load-limits.js';
import { strictSchemaController } from './edge/strict-validation.js';
import { errorHandler } from './error-handler.js';
import { archiveRoutes } from './routes/archive.js';
import { conversationRoutes } from './routes/conversations.js';
import { entityRoutes } from './routes/entities.js';
import { entityCorrectionRoutes } from './routes/entity-corrections.js';
import { forgetRoutes } from './routes/forget.js';
import { healthRoutes } from './routes/health.js';
import { keyRoutes } from './routes/keys.js';
import { mcpRoutes } from './routes/mcp.js';
import { memoryRoutes } from './routes/memories.js';
import { mentionRoutes } from './routes/mentions.js';
import { metricsRoutes } from './routes/metrics.js';
import { scopeRoutes } from './routes/scopes.js';
import { uiRoutes } from './routes/ui.js';
import { MEMORY_COMPONENTS } from './schemas/memory-components.js';

/** The services the HTTP layer exposes. */
export interface AppServices {
  readonly health: HealthService;
  readonly metrics: Metrics;
  readonly reader: MemoryReader;
  readonly writer: MemoryWriter;
  readonly search: SearchService;
  readonly graph: GraphService;
  readonly scopes: ScopeService;
  readonly corrections: EntityCorrections;
  readonly forgetting: ScopeForgetting;
  readonly transfer: ScopeTransfer;
  /** `/conversations/process`, `/chat` and `/summarize` are served when all three are present. */
  readonly conversations?: ConversationService;
  readonly chat?: ChatService;
  readonly summaries?: SummaryService;
  /** API keys: the `/keys` admin routes, and the key check of every other route. */
  readonly keys?: ApiKeyService | undefined;
  /** Told about writes that found no space (and those that succeeded), for `/ready`. */
  readonly storage?: StorageState | undefined;
}

export interface AppOptions extends FastifyServerOptions {
  /** Largest accepted request body in bytes (default 1 MiB); larger ones get 413. */
  readonly bodyLimit?: number;
  /** Largest accepted POST /import body in bytes (default 256 MiB). */
  readonly importLimit?: number;
  /** Receives one record per memory operation (the spec's MemoryLogger fields). */
  readonly operationLog?: (record: OperationRecord) => void;
  /** Folder of the built dashboard served at /ui (default: dist/ui). */
  readonly uiDirectory?: string;
  /** Who may call (default: `auto`, keys required once one exists; probes and docs public). */
  readonly access?: AccessOptions;
  /** Rate limit and in-flight cap (default: none). */
  readonly limits?: LoadLimits;
  /** Browser origins allowed by CORS (default: none, CORS off). */
  readonly corsOrigins?: readonly string[];
}

/** Builds the HTTP app without listening, so tests can call `app.inject()`. */
export async function buildApp(services: AppServices, options: AppOptions = {}) {
  const { operationLog, uiDirectory, importLimit, access, limits, corsOrigins, ...fastifyOptions } =
    options;
  const app = Fastify({
    bodyLimit: 1_048_576,
    ...fastifyOptions,
    schemaController: strictSchemaController(),
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setErrorHandler(errorHandler);
  registerAccessControl(
    app,
    services.keys,
    access ?? { mode: 'auto', publicPaths: DEFAULT_PUBLIC_PATHS },
  );
  if (limits) await registerLoadLimits(app, limits);
  if (corsOrigins && corsOrigins.length > 0)
    await app.register(cors, {
      origin: [...corsOrigins],
      methods: ['GET', 'POST', 'PATCH', 'DELETE'],
      allowedHeaders: ['authorization', 'x-api-key', 'content-type'],
    });
  registerBodyParsers(app);
  app.addHook('preValidation', async (request) => {
    assertStorableInput({
      body: withoutItems(request.body, request.routeOptions.config),
      query: request.query,
      params: request.params,
    });
  });
  registerStorageWatch(app, services.storage);
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    services.metrics.httpRequestSeconds
      .labels(request.method, route, String(reply.statusCode))
      .observe(reply.elapsedTime / 1000);
    const operation = operationName(request.method, route);
    if (operationLog && operation) {
      operationLog({
        operation,
        durationMs: reply.elapsedTime,
        requestId: request.id,
        details: {
          route,
          status_code: reply.statusCode,
          ...(request.apiKey ? { tenant: request.apiKey.tenant } : {}),
          ...scopeDetails(request),
        },
        ...(reply.statusCode >= 400 ? { error: `http_${reply.statusCode}` } : {}),
      });
    }
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send({ code: 'not_found', message: `route ${request.method} ${request.url} not found` }),
  );
  for (const schema of MEMORY_COMPONENTS) app.addSchema(schema);
  await app.register(swagger, {
    // Shared schemas appear under components.schemas by their $id (not def-0, def-1, …).
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, index) => idOf(json, index) },
    openapi: {
      info: {
        title: 'Engram',
        version: '0.1.0',
        description: API_DESCRIPTION,
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'an Engram API key' },
          apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
        },
      },
      security: [{ bearer: [] }, { apiKey: [] }],
      tags: [
        { name: 'memories', description: 'Add, search, update and delete memories' },
        { name: 'entities', description: 'The knowledge graph extracted from memories' },
        { name: 'scopes', description: "Who holds memory, and one scope's whole graph" },
        { name: 'operations', description: 'Health, readiness and metrics' },
        { name: 'keys', description: 'API keys (admin scope)' },
        {
          name: 'conversations',
          description:
            'Conversations, chat and summaries: with an LLM when one is configured, without one otherwise',
        },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', ...DOCS_THEME });
  await app.register(metricsRoutes, { metrics: services.metrics });
  await app.register(healthRoutes, { health: services.health });
  await app.register(memoryRoutes, {
    reader: services.reader,
    writer: services.writer,
    search: services.search,
  });
  await app.register(entityRoutes, { graph: services.graph });
  await app.register(scopeRoutes, { scopes: services.scopes });
  await app.register(mentionRoutes, { scopes: services.scopes });
  await app.register(uiRoutes, uiDirectory ? { directory: uiDirectory } : {});
  await app.register(entityCorrectionRoutes, { corrections: services.corrections });
  await app.register(forgetRoutes, { forgetting: services.forgetting, metrics: services.metrics });
  await app.register(archiveRoutes, {
    transfer: services.transfer,
    importLimitBytes: importLimit ?? 268_435_456,
  });
  if (services.keys) await app.register(keyRoutes, { keys: services.keys });
  const { conversations, chat, summaries } = services;
  if (conversations && chat && summaries)
    await app.register(conversationRoutes, { conversations, chat, summaries });
  await app.register(mcpRoutes);
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;

const OPERATIONS: Readonly<Record<string, string>> = {
  'POST /memories': 'add',
  'POST /memories/batch': 'add_batch',
  'GET /memories': 'list',
  'GET /memories/:id': 'get',
  'PATCH /memories/:id': 'update',
  'DELETE /memories/:id': 'delete',
  'GET /memories/:id/history': 'history',
  'POST /memories/search': 'search',
  'GET /entities': 'entity_search',
  'GET /entities/:id': 'entity_get',
  'GET /entities/:id/relationships': 'entity_relationships',
  'GET /entities/:id/graph': 'entity_graph',
  'GET /entities/:id/memories': 'entity_memories',
  'GET /memories/:id/entities': 'memory_entities',
  'GET /scopes': 'scopes',
  'GET /graph': 'scope_graph',
  'PATCH /entities/:id': 'entity_update',
  'POST /entities/:id/merge': 'entity_merge',
  'DELETE /entities/:id': 'entity_delete',
  'GET /entities/:id/history': 'entity_history',
  'DELETE /users/:user_id': 'forget_user',
  'DELETE /agents/:agent_id': 'forget_agent',
  'GET /export': 'export',
  'POST /import': 'import',
  'POST /chat': 'chat',
  'POST /conversations/process': 'process_conversation',
  'POST /summarize': 'summarize',
};

/** A body without the items a route checks one by one (`config.checksItems`, e.g. a batch). */
function withoutItems(body: unknown, config: unknown): unknown {
  const field = (config as { checksItems?: unknown } | undefined)?.checksItems;
  if (typeof field !== 'string' || !body || typeof body !== 'object') return body;
  const { [field]: _items, ...rest } = body as Record<string, unknown>;
  return rest;
}

/** The component name of a shared schema: its `$id`. */
function idOf(json: Record<string, unknown>, index: number): string {
  return typeof json['$id'] === 'string' ? json['$id'] : `def-${index}`;
}

/** The memory operation a route performs, if it is one. */
function operationName(method: string, route: string): string | undefined {
  return OPERATIONS[`${method} ${route}`];
}

/** Scope ids of a request (ids, never content). */
function scopeDetails(request: { query: unknown; body: unknown }): Record<string, string> {
  const details: Record<string, string> = {};
  for (const source of [request.query, request.body]) {
    if (!source || typeof source !== 'object') continue;
    for (const key of ['user_id', 'agent_id', 'session_id']) {
      const value = (source as Record<string, unknown>)[key];
      if (typeof value === 'string') details[key] = value;
    }
  }
  return details;
}

/** A write answered `storage_full` marks the storage full; a write that succeeds marks it writable. */
function registerStorageWatch(app: FastifyInstance, storage: StorageState | undefined): void {
  if (!storage) return;
  app.addHook('onError', async (_request, _reply, error) => {
    if (error instanceof AppError && error.code === 'storage_full') storage.markFull();
  });
  app.addHook('onResponse', async (request, reply) => {
    const write =
      !['GET', 'HEAD', 'OPTIONS'].includes(request.method) &&
      request.routeOptions.config?.access !== 'read';
    if (write && reply.statusCode < 400) storage.markWritable();
  });
}
