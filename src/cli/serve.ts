import { LogController } from 'fastify';
import { createContainer } from '../container.js';
import { buildApp } from '../http/build-app.js';
import { OperationLogger } from '../observability/operation-logger.js';
import type { CommandContext } from './command-context.js';

/** `engram serve`: opens everything, listens, and closes cleanly on SIGINT/SIGTERM. */
export async function runServe(
  _args: string[],
  { config, logger }: CommandContext,
): Promise<number> {
  const container = await createContainer(config, logger, { migrations: 'apply' });
  const operations = new OperationLogger(logger, config.log);
  const app = await buildApp(container.services, {
    bodyLimit: config.http.bodyLimitBytes,
    loggerInstance: logger,
    logController: new LogController({ disableRequestLogging: true }),
    operationLog: (record) => operations.log(record),
  });
  await app.listen({ port: config.http.port, host: config.http.host });
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
