import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { ScopeService } from '../../services/scopes/scope-service.js';
import { scopeIn, tenantOf } from '../access/request-scope.js';
import { instantOf } from '../instant.js';
import { presentEntity, presentRelationship } from '../presenters.js';
import { errorResponses } from '../schemas/common.js';
import { ScopeGraphJson, ScopeGraphQuery, ScopeJson, ScopesQuery } from '../schemas/scope.js';

interface Options {
  readonly scopes: ScopeService;
}

const tags = ['scopes'];

/** `/scopes` (who has memory) and `/graph` (one scope's whole knowledge graph). */
export const scopeRoutes: FastifyPluginAsyncTypebox<Options> = async (app, { scopes }) => {
  app.get(
    '/scopes',
    {
      schema: {
        tags,
        operationId: 'listScopes',
        summary: 'Users and agents that hold memories, with memory, entity and relationship counts',
        querystring: ScopesQuery,
        response: { 200: Type.Object({ scopes: Type.Array(ScopeJson) }), ...errorResponses },
      },
    },
    async (request) => {
      // A user-bound key lists only its own user's scopes.
      const list = await scopes.list(
        tenantOf(request),
        request.query.limit,
        request.query.offset,
        request.apiKey?.userId ?? undefined,
      );
      return {
        scopes: list.map((summary) => ({
          user_id: summary.scope.userId || null,
          agent_id: summary.scope.agentId || null,
          memories: summary.memories,
          entities: summary.entities,
          relationships: summary.relationships,
          last_memory_at: summary.lastMemoryAt.toISOString(),
        })),
      };
    },
  );

  app.get(
    '/graph',
    {
      schema: {
        tags,
        operationId: 'getScopeGraph',
        summary:
          "A scope's entities (the most mentioned first) and the relationships between them, current and closed",
        querystring: ScopeGraphQuery,
        response: { 200: ScopeGraphJson, ...errorResponses },
      },
    },
    async (request) => {
      const { user_id, agent_id, as_of, limit } = request.query;
      const asOf = as_of === undefined ? undefined : instantOf(as_of, 'as_of');
      const graph = await scopes.graph(scopeIn(request, user_id, agent_id), limit, asOf);
      return {
        nodes: graph.nodes.map((node) => ({
          ...presentEntity(node.entity),
          mention_count: node.mentionCount,
        })),
        edges: graph.edges.map((edge) => presentRelationship(edge, asOf)),
        total_entities: graph.totalEntities,
        truncated: graph.truncated,
      };
    },
  );
};
