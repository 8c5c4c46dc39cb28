import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { MemoryReader } from '../../services/memories/memory-reader.js';
import type { MemoryWriter } from '../../services/memories/memory-writer.js';
import type { SearchService } from '../../services/search/search-service.js';
import { requiredScopeIn, scopeIn, tenantOf } from '../access/request-scope.js';
import { instantOf } from '../instant.js';
import {
  presentEntity,
  presentFact,
  presentMemory,
  presentRelationship,
  presentResult,
} from '../presenters.js';
import { errorResponses, ref } from '../schemas/common.js';
import {
  AddMemoryBody,
  BatchBody,
  IdParams,
  ListQuery,
  MemoryJson,
  ScopeQuery,
  SearchBody,
  UpdateMemoryBody,
} from '../schemas/memory.js';
import {
  AddMemoryResponse,
  BatchResponse,
  DocumentedBatchBody,
  HistoryResponse,
  SearchResponse,
} from '../schemas/memory-components.js';
import { addInput, runBatch, searchInput } from './memory-requests.js';
import { serverTiming } from './server-timing.js';

interface Options {
  readonly reader: MemoryReader;
  readonly writer: MemoryWriter;
  readonly search: SearchService;
}

const tags = ['memories'];

/** `/memories`: add (one or a batch), read, list, update, delete, history and search. */
export const memoryRoutes: FastifyPluginAsyncTypebox<Options> = async (
  app,
  { reader, writer, search },
) => {
  app.post(
    '/memories',
    {
      schema: {
        tags,
        operationId: 'addMemory',
        summary: 'Add a memory (entities and relationships are extracted)',
        body: AddMemoryBody,
        response: {
          200: ref(AddMemoryResponse),
          201: ref(AddMemoryResponse),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const result = await writer.add(addInput(request.body, tenantOf(request)));
      return reply.status(result.created ? 201 : 200).send({
        memory: presentMemory(result.memory),
        created: result.created,
        chunks: result.chunks,
        entities: result.entities.map(presentEntity),
        relationships: result.relationships.map((edge) => presentRelationship(edge)),
      });
    },
  );

  app.post(
    '/memories/batch',
    {
      schema: {
        tags,
        operationId: 'addMemories',
        summary: 'Add up to 1,000 memories; each item succeeds or fails on its own',
        body: BatchBody,
        response: { 200: ref(BatchResponse), ...errorResponses },
      },
      config: {
        checksItems: 'items',
        swaggerTransform: ({ schema, url }) => ({
          schema: { ...schema, body: DocumentedBatchBody },
          url,
        }),
      },
    },
    async (request) => ({
      results: await runBatch(writer, request.body.items, tenantOf(request)),
    }),
  );

  app.get(
    '/memories',
    {
      schema: {
        tags,
        operationId: 'listMemories',
        summary: 'List memories in a scope, newest first',
        querystring: ListQuery,
        response: { 200: Type.Object({ memories: Type.Array(MemoryJson) }), ...errorResponses },
      },
    },
    async (request) => {
      const { user_id, agent_id, session_id, memory_type, created_after, created_before } =
        request.query;
      const list = await reader.list(
        {
          scope: scopeIn(request, user_id, agent_id),
          ...(session_id ? { sessionId: session_id } : {}),
          ...(memory_type ? { memoryType: memory_type } : {}),
          ...(created_after ? { createdAfter: instantOf(created_after, 'created_after') } : {}),
          ...(created_before ? { createdBefore: instantOf(created_before, 'created_before') } : {}),
        },
        request.query.limit,
        request.query.offset,
      );
      return { memories: list.map(presentMemory) };
    },
  );

  app.get(
    '/memories/:id',
    {
      schema: {
        tags,
        operationId: 'getMemory',
        summary: 'One memory (and its chunks when long)',
        params: IdParams,
        querystring: ScopeQuery,
        response: {
          200: Type.Object({ memory: MemoryJson, chunks: Type.Array(MemoryJson) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const memory = await reader.get(
        request.params.id,
        scopeIn(request, request.query.user_id, request.query.agent_id),
      );
      const chunks = memory.parentId ? [] : await reader.chunks(memory.id);
      return { memory: presentMemory(memory), chunks: chunks.map(presentMemory) };
    },
  );

  app.patch(
    '/memories/:id',
    {
      schema: {
        tags,
        operationId: 'updateMemory',
        summary: 'Rewrite a memory: re-chunk, re-extract, re-embed, keep history',
        params: IdParams,
        body: UpdateMemoryBody,
        response: { 200: Type.Object({ memory: MemoryJson }), ...errorResponses },
      },
    },
    async (request) => {
      const { content, metadata, user_id, agent_id } = request.body;
      const memory = await writer.update(
        request.params.id,
        requiredScopeIn(request, user_id, agent_id),
        {
          ...(content !== undefined ? { content } : {}),
          ...(metadata !== undefined ? { metadata: metadata as Record<string, never> } : {}),
        },
      );
      return { memory: presentMemory(memory) };
    },
  );

  app.delete(
    '/memories/:id',
    {
      schema: {
        tags,
        operationId: 'deleteMemory',
        summary: 'Delete a memory, its vectors, and what only it supported',
        params: IdParams,
        querystring: ScopeQuery,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await writer.delete(
        request.params.id,
        requiredScopeIn(request, request.query.user_id, request.query.agent_id),
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/memories/:id/history',
    {
      schema: {
        tags,
        operationId: 'getMemoryHistory',
        summary: 'Add, update and delete events of a memory',
        params: IdParams,
        querystring: ScopeQuery,
        response: { 200: ref(HistoryResponse), ...errorResponses },
      },
    },
    async (request) => {
      const events = await reader.history(
        request.params.id,
        scopeIn(request, request.query.user_id, request.query.agent_id),
      );
      return {
        events: events.map((event) => ({
          id: event.id,
          memory_id: event.memoryId,
          event: event.event,
          old_content: event.oldContent,
          new_content: event.newContent,
          created_at: event.createdAt.toISOString(),
        })),
      };
    },
  );

  app.post(
    '/memories/search',
    {
      schema: {
        tags,
        operationId: 'searchMemories',
        summary:
          'Hybrid search: vector + full text + entity graph, fused; results carry entities and relationships',
        body: SearchBody,
        response: { 200: ref(SearchResponse), ...errorResponses },
      },
      config: { access: 'read' },
    },
    async (request, reply) => {
      const input = searchInput(request.body, tenantOf(request));
      const { results, facts, spans } = await search.recall(input);
      if (spans) {
        request.log.info({ spans }, 'search spans');
        reply.header('server-timing', serverTiming(spans));
      }
      return {
        results: results.map((result) => presentResult(result, input.asOf)),
        facts: facts.map(presentFact),
      };
    },
  );
};
