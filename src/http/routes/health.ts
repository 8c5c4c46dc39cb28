import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { HealthService } from '../../services/health/health-service.js';

interface Options {
  readonly health: HealthService;
}

const Health = Type.Object({ status: Type.Literal('ok') }, { examples: [{ status: 'ok' }] });
const Ready = Type.Object(
  {
    ready: Type.Boolean(),
    checks: Type.Record(
      Type.String(),
      Type.Object({ ok: Type.Boolean(), detail: Type.Optional(Type.Unknown()) }),
    ),
  },
  {
    examples: [
      {
        ready: true,
        checks: {
          database: { ok: true },
          vector_index: { ok: true, detail: { vectors: 2005 } },
          outbox: { ok: true, detail: { pending: 0 } },
          reindex: { ok: true },
          storage: { ok: true },
        },
      },
    ],
  },
);

/** `/health` (the process answers) and `/ready` (its dependencies answer). */
export const healthRoutes: FastifyPluginAsyncTypebox<Options> = async (app, { health }) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['operations'],
        operationId: 'getHealth',
        summary: 'Liveness: the process answers',
        response: { 200: Health },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/ready',
    {
      schema: {
        tags: ['operations'],
        operationId: 'getReadiness',
        summary:
          'Readiness: database, vector index, outbox and storage (`storage_full` after a write found no space)',
        response: { 200: Ready, 503: Ready },
      },
    },
    async (_request, reply) => {
      const readiness = await health.readiness();
      return reply.status(readiness.ready ? 200 : 503).send(readiness);
    },
  );
};
