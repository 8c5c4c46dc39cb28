import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ScopeService } from '../../services/scopes/scope-service.js';
import { scopeIn } from '../access/request-scope.js';
import { presentEntity, presentMemory, presentRelationship } from '../presenters.js';
import { errorResponses } from '../schemas/common.js';
import { IdParams, ScopeQuery } from '../schemas/memory.js';
import { EntityMemoriesJson, MemoryEntitiesJson, MentionsQuery } from '../schemas/scope.js';

interface Options {
  readonly scopes: ScopeService;
}

/** Who mentions what: the memories naming an entity, and the entities a memory names (with offsets). */
export const mentionRoutes: FastifyPluginAsyncTypebox<Options> = async (app, { scopes }) => {
  app.get(
    '/entities/:id/memories',
    {
      schema: {
        tags: ['entities'],
        operationId: 'listEntityMemories',
        summary: 'Memories that mention an entity, newest first, with where they mention it',
        params: IdParams,
        querystring: MentionsQuery,
        response: { 200: EntityMemoriesJson, ...errorResponses },
      },
    },
    async (request) => {
      const { user_id, agent_id, limit } = request.query;
      const found = await scopes.mentionsOf(
        request.params.id,
        scopeIn(request, user_id, agent_id),
        limit,
      );
      return {
        memories: found.map((item) => ({
          memory: presentMemory(item.memory),
          spans: item.spans.map((span) => ({ start: span.start, end: span.end })),
        })),
      };
    },
  );

  app.get(
    '/memories/:id/entities',
    {
      schema: {
        tags: ['memories'],
        operationId: 'getMemoryEntities',
        summary: 'The entities a memory mentions (with offsets), and the relationships it asserts',
        params: IdParams,
        querystring: ScopeQuery,
        response: { 200: MemoryEntitiesJson, ...errorResponses },
      },
    },
    async (request) => {
      const { user_id, agent_id } = request.query;
      const graph = await scopes.memoryGraph(
        request.params.id,
        scopeIn(request, user_id, agent_id),
      );
      return {
        mentions: graph.mentions.map((mention) => ({
          memory_id: mention.memoryId,
          entity_id: mention.entityId,
          mention: mention.mention,
          start: mention.start,
          end: mention.end,
          confidence: mention.confidence,
        })),
        entities: graph.entities.map(presentEntity),
        relationships: graph.relationships.map((edge) => presentRelationship(edge)),
      };
    },
  );
};
