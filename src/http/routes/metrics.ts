import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
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
        response: {
          200: Type.String({
            examples: [
              '# TYPE http_request_duration_seconds histogram\nhttp_request_duration_seconds_count{method="POST",route="/memories/search",status_code="200"} 42',
            ],
          }),
        },
      },
    },
    async (_request, reply) => {
      reply.header('content-type', metrics.registry.contentType);
      return metrics.registry.metrics();
    },
  );
};
