import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyServerOptions } from 'fastify';
import type { Metrics } from '../observability/metrics.js';
import type { GraphService } from '../services/graph-service.js';
import type { HealthService } from '../services/health-service.js';
import type { MemoryService } from '../services/memory-service.js';
import type { SearchService } from '../services/search-service.js';
import { errorHandler } from './error-handler.js';
import { entityRoutes } from './routes/entities.js';
import { healthRoutes } from './routes/health.js';
import { memoryRoutes } from './routes/memories.js';
import { metricsRoutes } from './routes/metrics.js';

/** The services the HTTP layer exposes. */
export interface AppServices {
  readonly health: HealthService;
  readonly metrics: Metrics;
  readonly memories: MemoryService;
  readonly search: SearchService;
  readonly graph: GraphService;
}

export interface AppOptions extends FastifyServerOptions {
  /** Largest accepted request body in bytes (default 1 MiB); larger ones get 413. */
  readonly bodyLimit?: number;
}

/** Builds the HTTP app without listening, so tests can call `app.inject()`. */
export async function buildApp(services: AppServices, options: AppOptions = {}) {
  const app = Fastify({
    bodyLimit: 1_048_576,
    ...options,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setErrorHandler(errorHandler);
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    services.metrics.httpRequestSeconds
      .labels(request.method, route, String(reply.statusCode))
      .observe(reply.elapsedTime / 1000);
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send({ code: 'not_found', message: `route ${request.method} ${request.url} not found` }),
  );
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Engram',
        version: '0.1.0',
        description: 'Long-term memory for LLM applications.',
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(metricsRoutes, { metrics: services.metrics });
  await app.register(healthRoutes, { health: services.health });
  await app.register(memoryRoutes, { memories: services.memories, search: services.search });
  await app.register(entityRoutes, { graph: services.graph });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
