import { RulesEntityExtractor } from '../../src/adapters/extraction/rules-entity-extractor.js';
import type { DatabaseHandle } from '../../src/adapters/postgres/database.js';
import { PgApiKeyRepository } from '../../src/adapters/postgres/pg-api-key-repository.js';
import { pgLifecycle } from '../../src/adapters/postgres/pg-lifecycle.js';
import { PgSettingsRepository } from '../../src/adapters/postgres/pg-settings-repository.js';
import { PgStore } from '../../src/adapters/postgres/pg-store.js';
import {
  createServices,
  type ServicePorts,
  type ServiceSettings,
} from '../../src/services/create-services.js';

/** Settings of the test rigs: small chunks so that chunking is exercised, no score threshold. */
export const TEST_SETTINGS: ServiceSettings = { maxChunkTokens: 64, topK: 5, scoreThreshold: 0 };

export type TestServicePorts = Partial<Omit<ServicePorts, 'vectors' | 'embedder'>> &
  Pick<ServicePorts, 'vectors' | 'embedder'>;

/**
 * Every service on a migrated test database through the one composition root, with the real
 * rules extractor and a system clock unless the test passes its own ports.
 */
export function testServices(
  database: DatabaseHandle,
  ports: TestServicePorts,
  settings: Partial<ServiceSettings> = {},
) {
  const store = ports.store ?? new PgStore(database.db);
  return createServices(
    {
      store,
      lifecycle: pgLifecycle(database.db),
      settings: new PgSettingsRepository(database.db),
      apiKeys: new PgApiKeyRepository(database.db),
      extractor: new RulesEntityExtractor({ confidenceThreshold: 0.5 }),
      clock: { now: () => new Date() },
      ...ports,
    },
    { ...TEST_SETTINGS, ...settings },
  );
}
