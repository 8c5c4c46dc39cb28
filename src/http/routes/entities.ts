import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { EntityType } from '../../domain/entity.js';
import type { GraphService } from '../../services/graph/graph-service.js';
import { scopeIn } from '../access/request-scope.js';
import { presentEntity, presentRelationship } from '../presenters.js';
import { errorResponses } from '../schemas/common.js';
import {
  EntityJson,
  EntitySearchQuery,
  GraphQuery,
  RelationshipJson,
  RelationshipsQuery,
} from '../schemas/entity.js';
import { MergedBody } from '../schemas/entity-corrections.js';
import { IdParams, ScopeQuery } from '../schemas/memory.js';

interface Options {
  readonly graph: GraphService;
}

const tags = ['entities'];

/** `/entities`: search, one entity, its relationships, and its neighbourhood graph. */
export const entityRoutes: FastifyPluginAsyncTypebox<Options> = async (app, { graph }) => {
  app.get(
    '/entities',
    {
      schema: {
        tags,
        operationId: 'searchEntities',
        summary: 'Search entities by name (or alias) prefix and type',
        querystring: EntitySearchQuery,
        response: { 200: Type.Object({ entities: Type.Array(EntityJson) }), ...errorResponses },
      },
    },
    async (request) => {
      const { user_id, agent_id, name, type, limit, offset } = request.query;
      const entities = await graph.search({
        scope: scopeIn(request, user_id, agent_id),
        ...(name ? { name } : {}),
        ...(type ? { type: type as EntityType } : {}),
        limit,
        offset,
      });
      return { entities: entities.map(presentEntity) };
    },
  );

  app.get(
    '/entities/:id',
    {
      schema: {
        tags,
        operationId: 'getEntity',
        summary: 'One entity with its aliases and mention count',
        params: IdParams,
        querystring: ScopeQuery,
        response: { 200: Type.Object({ entity: EntityJson }), 301: MergedBody, ...errorResponses },
      },
    },
    async (request) => ({
      entity: presentEntity(
        await graph.entity(
          request.params.id,
          scopeIn(request, request.query.user_id, request.query.agent_id),
        ),
      ),
    }),
  );

  app.get(
    '/entities/:id/relationships',
    {
      schema: {
        tags,
        operationId: 'getEntityRelationships',
        summary:
          'Relationships in both directions, current and closed, with validity; with as_of, those that held then',
        params: IdParams,
        querystring: RelationshipsQuery,
        response: {
          200: Type.Object({
            entity: EntityJson,
            relationships: Type.Array(RelationshipJson),
            entities: Type.Array(EntityJson),
          }),
          301: MergedBody,
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { user_id, agent_id, as_of } = request.query;
      const asOf = as_of ? new Date(as_of) : undefined;
      const result = await graph.relationships(
        request.params.id,
        scopeIn(request, user_id, agent_id),
        asOf,
      );
      return {
        entity: presentEntity(result.entity),
        relationships: result.relationships.map((edge) => presentRelationship(edge, asOf)),
        entities: result.graph.nodes.map(presentEntity),
      };
    },
  );

  app.get(
    '/entities/:id/graph',
    {
      schema: {
        tags,
        operationId: 'getEntityGraph',
        summary: 'Nodes and edges within depth 1..3',
        params: IdParams,
        querystring: GraphQuery,
        response: {
          200: Type.Object({ nodes: Type.Array(EntityJson), edges: Type.Array(RelationshipJson) }),
          301: MergedBody,
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { user_id, agent_id, depth } = request.query;
      const result = await graph.neighbourhood(
        request.params.id,
        scopeIn(request, user_id, agent_id),
        depth,
      );
      return {
        nodes: result.nodes.map(presentEntity),
        edges: result.edges.map((edge) => presentRelationship(edge)),
      };
    },
  );
};
