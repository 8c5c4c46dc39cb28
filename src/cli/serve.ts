import http from 'node:http';
import { LogController } from 'fastify';
import { createContainer } from '../container.js';
import { DEFAULT_PUBLIC_PATHS } from '../http/access/access-control.js';
import { accessDecision, isLoopbackHost } from '../http/access/access-policy.js';
import { buildApp } from '../http/build-app.js';
import { OperationLogger } from '../observability/operation-logger.js';
import type { CommandContext } from './command-context.js';

/**
 * `engram serve`: opens everything, decides who may call (keys, or open on loopback only),
 * listens, and closes cleanly on SIGINT/SIGTERM. A failed listen closes everything (the data
 * directory lock, the managed Chroma) and exits non-zero.
 */
export async function runServe(
  _args: string[],
  { config, logger, stderr }: CommandContext,
): Promise<number> {
  const container = await createContainer(config, logger, { migrations: 'apply' });
  const hasKeys = (await container.services.keys?.hasActiveKeys()) ?? false;
  const decision = accessDecision({ mode: config.access.mode, host: config.http.host, hasKeys });
  if (decision.action === 'refuse') {
    stderr.write(`engram serve: ${decision.reason}\n`);
    await container.close();
    return 1;
  }
  if (decision.action === 'open') logger.warn({ auth: 'open' }, decision.reason);
  else logger.info({ auth: 'keys' }, 'API keys are required');
  const operations = new OperationLogger(logger, config.log);
  const app = await buildApp(container.services, {
    bodyLimit: config.http.bodyLimitBytes,
    loggerInstance: logger,
    logController: new LogController({ disableRequestLogging: true }),
    operationLog: (record) => operations.log(record),
    serverFactory: (handler) =>
      http.createServer(
        {
          requestTimeout: config.http.requestTimeoutMs,
          headersTimeout: config.http.headersTimeoutMs,
          keepAliveTimeout: config.http.keepAliveTimeoutMs,
          // How often Node checks the two timeouts above (default 30 s lets a trickle linger).
          connectionsCheckingInterval: 500,
        },
        handler,
      ),
    access: {
      mode: config.access.mode,
      publicPaths: publicPaths(config.access),
      allowedHosts: isLoopbackHost(config.http.host) ? config.access.allowedHosts : undefined,
    },
    limits: config.limits,
    corsOrigins: config.access.corsOrigins,
  });
  try {
    await app.listen({ port: config.http.port, host: config.http.host });
  } catch (error) {
    stderr.write(
      `engram serve: cannot listen on ${config.http.host}:${config.http.port}: ${(error as Error).message}\n`,
    );
    await app.close().catch(() => {});
    await container.close();
    return 1;
  }
  logger.info({ database: container.database.location }, 'engram ready');
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  logger.info({ signal }, 'shutting down');
  await app.close();
  await container.close();
  return 0;
}

function publicPaths(access: { publicMetrics: boolean; publicDocs: boolean }): string[] {
  return [
    ...DEFAULT_PUBLIC_PATHS.filter((path) => access.publicDocs || path !== '/docs'),
    ...(access.publicMetrics ? ['/metrics'] : []),
  ];
}
