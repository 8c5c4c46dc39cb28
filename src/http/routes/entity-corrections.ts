import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { EntityType } from '../../domain/entity.js';
import { InvalidInputError } from '../../domain/errors.js';
import type { EntityCorrections } from '../../services/graph-edits/entity-corrections.js';
import { scopeIn } from '../access/request-scope.js';
import { presentEntity } from '../presenters.js';
import { errorResponses } from '../schemas/common.js';
import { EntityJson } from '../schemas/entity.js';
import {
  DeleteEntityResponse,
  EntityHistoryResponse,
  MergedBody,
  MergeEntityBody,
  MergeResponse,
  UpdateEntityBody,
} from '../schemas/entity-corrections.js';
import { IdParams, ScopeQuery } from '../schemas/memory.js';

interface Options {
  readonly corrections: EntityCorrections;
}

const tags = ['entities'];
const corrected = { ...errorResponses, 409: MergedBody };

/** Scope from the body, else the query string, in the request's tenant. */
function scopeFrom(
  request: FastifyRequest,
  body: { user_id?: string | undefined; agent_id?: string | undefined },
  query: { user_id?: string | undefined; agent_id?: string | undefined },
) {
  return scopeIn(request, body.user_id ?? query.user_id, body.agent_id ?? query.agent_id);
}

/** Corrections of the graph: PATCH, merge, DELETE and history of `/entities/{id}`. */
export const entityCorrectionRoutes: FastifyPluginAsyncTypebox<Options> = async (
  app,
  { corrections },
) => {
  app.patch(
    '/entities/:id',
    {
      schema: {
        tags,
        operationId: 'updateEntity',
        summary:
          'Rename, retype, add or remove aliases; the old name stays an alias and later mentions of it resolve here',
        params: IdParams,
        querystring: ScopeQuery,
        body: UpdateEntityBody,
        response: { 200: Type.Object({ entity: EntityJson }), ...corrected },
      },
    },
    async (request) => {
      const { name, type, add_aliases, remove_aliases } = request.body;
      const entity = await corrections.update(
        request.params.id,
        scopeFrom(request, request.body, request.query),
        {
          ...(name !== undefined ? { text: name } : {}),
          ...(type !== undefined ? { type: type as EntityType } : {}),
          ...(add_aliases ? { addAliases: add_aliases } : {}),
          ...(remove_aliases ? { removeAliases: remove_aliases } : {}),
        },
      );
      return { entity: presentEntity(entity) };
    },
  );

  app.post(
    '/entities/:id/merge',
    {
      schema: {
        tags,
        operationId: 'mergeEntity',
        summary:
          'Fold another entity into this one: mentions, aliases and relationships move, duplicate edges collapse; the absorbed id then answers 301 (reads) or 409 (writes) with merged_into',
        params: IdParams,
        querystring: ScopeQuery,
        body: MergeEntityBody,
        response: { 200: MergeResponse, ...corrected },
      },
    },
    async (request) => {
      const { from_id, absorb_id } = request.body;
      const absorbed = from_id ?? absorb_id;
      if (!absorbed || (from_id && absorb_id && from_id !== absorb_id))
        throw new InvalidInputError(
          'give the entity to absorb as exactly one of from_id, absorb_id',
        );
      const { entity, merge } = await corrections.merge(
        request.params.id,
        absorbed,
        scopeFrom(request, request.body, request.query),
      );
      return {
        entity: presentEntity(entity),
        merge: {
          survivor_id: merge.survivorId,
          absorbed_id: merge.absorbedId,
          mentions_moved: merge.mentionsMoved,
          aliases_moved: merge.aliasesMoved,
          relationships_moved: merge.relationshipsMoved,
          relationships_collapsed: merge.relationshipsCollapsed,
          relationships_closed: merge.relationshipsClosed,
        },
      };
    },
  );

  app.delete(
    '/entities/:id',
    {
      schema: {
        tags,
        operationId: 'deleteEntity',
        summary:
          'Delete an entity: its relationships and mentions go (a value it had closed holds again), the memories stay',
        params: IdParams,
        querystring: ScopeQuery,
        response: { 200: DeleteEntityResponse, ...corrected },
      },
    },
    async (request) => {
      const deletion = await corrections.delete(
        request.params.id,
        scopeIn(request, request.query.user_id, request.query.agent_id),
      );
      return {
        deleted: true as const,
        entity_id: deletion.entityId,
        mentions_removed: deletion.mentionsRemoved,
        relationships_removed: deletion.relationshipsRemoved,
      };
    },
  );

  app.get(
    '/entities/:id/history',
    {
      schema: {
        tags,
        operationId: 'getEntityHistory',
        summary: 'Corrections of an entity (update, merge, merged_into, delete), oldest first',
        params: IdParams,
        querystring: ScopeQuery,
        response: { 200: EntityHistoryResponse, ...errorResponses },
      },
    },
    async (request) => {
      const history = await corrections.history(
        request.params.id,
        scopeIn(request, request.query.user_id, request.query.agent_id),
      );
      return {
        history: history.map((event) => ({
          id: event.id,
          entity_id: event.entityId,
          event: event.event,
          details: event.details as Record<string, unknown>,
          created_at: event.createdAt.toISOString(),
        })),
      };
    },
  );
};
