import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Metrics } from '../../observability/metrics.js';

interface Options {
  readonly metrics: Metrics;
}

/** `/metrics` in Prometheus text format. */
export const metricsRoutes: FastifyPluginAsyncTypebox<Options> = async (app, { metrics }) => {
  app.get(
    '/metrics',
    {
      schema: {
        tags: ['operations'],
        operationId: 'getMetrics',
        summary: 'Prometheus metrics',
        produces: ['text/plain'],
      },
    },
    async (_request, reply) => {
      reply.header('content-type', metrics.registry.contentType);
      return metrics.registry.metrics();
    },
  );
};
