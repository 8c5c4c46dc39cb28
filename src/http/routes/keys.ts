import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { ApiKey } from '../../domain/api-key.js';
import type { ApiKeyService } from '../../services/access/api-key-service.js';
import { errorResponses } from '../schemas/common.js';

interface Options {
  readonly keys: ApiKeyService;
}

const tags = ['keys'];
const Scope = Type.Union([Type.Literal('read'), Type.Literal('write'), Type.Literal('admin')]);
const KeyJson = Type.Object({
  id: Type.String(),
  tenant: Type.String({ description: 'the tenant whose data the key reaches' }),
  name: Type.String(),
  prefix: Type.String({ description: 'first characters of the key, to tell keys apart' }),
  scopes: Type.Array(Scope),
  user_id: Type.Union([Type.String(), Type.Null()]),
  created_at: Type.String(),
  last_used_at: Type.Union([Type.String(), Type.Null()]),
  revoked_at: Type.Union([Type.String(), Type.Null()]),
});
const CreateKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, examples: ['chat-backend'] }),
    scopes: Type.Array(Scope, { minItems: 1, maxItems: 3, examples: [['read', 'write']] }),
    user_id: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
  },
  { additionalProperties: false },
);

const KEY_EXAMPLE = {
  id: '0b9f3c4e-7d2a-4f61-9a8e-2c5d1e7f4a10',
  tenant: 'default',
  name: 'chat-backend',
  prefix: 'egk_3fA9',
  scopes: ['read', 'write'],
  user_id: null,
  created_at: '2026-12-01T09:00:00.000Z',
  last_used_at: null,
  revoked_at: null,
};

/**
 * `/keys`: create (the key is shown once), list and revoke API keys. Needs the admin scope, and
 * works in the admin key's tenant only (new tenants get their first key from `engram keys create`).
 */
export const keyRoutes: FastifyPluginAsyncTypebox<Options> = async (app, { keys }) => {
  app.post(
    '/keys',
    {
      schema: {
        tags,
        operationId: 'createKey',
        summary: 'Create an API key; the response is the only time the key is shown',
        body: CreateKeyBody,
        response: {
          201: Type.Object({ key: KeyJson, secret: Type.String() }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { name, scopes, user_id } = request.body;
      const tenant = request.apiKey?.tenant;
      const created = await keys.create({
        name,
        scopes,
        ...(user_id ? { userId: user_id } : {}),
        ...(tenant ? { tenant } : {}),
      });
      return reply.status(201).send({ key: presentKey(created.key), secret: created.secret });
    },
  );

  app.get(
    '/keys',
    {
      schema: {
        tags,
        operationId: 'listKeys',
        summary: 'List API keys (never the keys themselves)',
        response: {
          200: Type.Object({ keys: Type.Array(KeyJson) }, { examples: [{ keys: [KEY_EXAMPLE] }] }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({
      keys: (await keys.list(request.apiKey?.tenant)).map(presentKey),
    }),
  );

  app.delete(
    '/keys/:id',
    {
      schema: {
        tags,
        operationId: 'revokeKey',
        summary: 'Revoke an API key at once',
        params: Type.Object({ id: Type.String({ format: 'uuid', examples: [KEY_EXAMPLE.id] }) }),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await keys.revoke(request.params.id, request.apiKey?.tenant);
      return reply.status(204).send(null);
    },
  );
};

/** The JSON form of a key. */
export function presentKey(key: ApiKey) {
  return {
    id: key.id,
    tenant: key.tenant,
    name: key.name,
    prefix: key.prefix,
    scopes: [...key.scopes],
    user_id: key.userId,
    created_at: key.createdAt.toISOString(),
    last_used_at: key.lastUsedAt?.toISOString() ?? null,
    revoked_at: key.revokedAt?.toISOString() ?? null,
  };
}
