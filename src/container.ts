import {
  type DatabaseHandle,
  openEmbeddedDatabase,
  openServerDatabase,
} from './adapters/postgres/database.js';
import { DatabaseReadinessCheck } from './adapters/postgres/database-readiness-check.js';
import { migrateUp, pendingMigrations } from './adapters/postgres/migrator.js';
import type { Config } from './config/config.js';
import { ConflictError } from './domain/errors.js';
import type { Logger } from './observability/logger.js';
import { createMetrics } from './observability/metrics.js';
import { HealthService } from './services/health-service.js';

export interface ContainerOptions {
  /** `apply`: run pending migrations on the embedded database, refuse on a server. */
  readonly migrations: 'apply' | 'ignore';
}

/** Opens the configured database: a server with DATABASE_URL, else embedded PGlite in DATA_DIR. */
export async function openDatabase(config: Config): Promise<DatabaseHandle> {
  return config.database.url
    ? openServerDatabase(config.database.url)
    : openEmbeddedDatabase(config.dataDir);
}

/** Composition root: the only module that chooses concrete adapters and wires services. */
export async function createContainer(config: Config, logger: Logger, options: ContainerOptions) {
  const database = await openDatabase(config);
  try {
    if (options.migrations === 'apply') await prepareSchema(database, logger);
  } catch (error) {
    await database.close();
    throw error;
  }
  const metrics = createMetrics({ defaultMetrics: true });
  const health = new HealthService([new DatabaseReadinessCheck(database.db)]);
  return {
    database,
    metrics,
    services: { health, metrics },
    close: async () => {
      await database.close();
    },
  };
}

export type Container = Awaited<ReturnType<typeof createContainer>>;

async function prepareSchema(database: DatabaseHandle, logger: Logger): Promise<void> {
  if (database.kind === 'embedded') {
    const applied = await migrateUp(database.db);
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    return;
  }
  const pending = await pendingMigrations(database.db);
  if (pending.length > 0) {
    throw new ConflictError(
      `database schema is behind (pending: ${pending.join(', ')}); run \`engram migrate up\` first`,
    );
  }
}
