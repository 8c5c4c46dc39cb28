import { type AppServices, buildApp } from './build-app.js';

/**
 * The OpenAPI document of every route, conversations included, built from the route schemas
 * with no services behind them (no handler runs). The client's types are generated from it.
 */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  // Every service, optional ones included, as an object no handler ever calls.
  const services = new Proxy({}, { get: () => ({}) }) as AppServices;
  const app = await buildApp(services, { logger: false });
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
  }
}
