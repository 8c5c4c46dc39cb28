import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { ApiKey } from '../../domain/api-key.js';
import type { ApiKeyRepository } from '../../ports/api-key-repository.js';
import type { Database } from './database.js';
import { apiKeys } from './schema.js';

/** API keys on Postgres (table `api_keys`, migration 0003). */
export class PgApiKeyRepository implements ApiKeyRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async insert(key: ApiKey, keyHash: string): Promise<void> {
    await this.#db.insert(apiKeys).values({ ...key, scopes: [...key.scopes], keyHash });
  }

  async findByHash(keyHash: string): Promise<ApiKey | undefined> {
    const [row] = await this.#db.select().from(apiKeys).where(eq(apiKeys.keyHash, keyHash));
    return row ? toApiKey(row) : undefined;
  }

  async list(tenant: string): Promise<ApiKey[]> {
    const rows = await this.#db
      .select()
      .from(apiKeys)
      .where(eq(apiKeys.tenant, tenant))
      .orderBy(desc(apiKeys.createdAt));
    return rows.map(toApiKey);
  }

  async revoke(tenant: string, id: string, at: Date): Promise<boolean> {
    const rows = await this.#db
      .update(apiKeys)
      .set({ revokedAt: at })
      .where(and(eq(apiKeys.tenant, tenant), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id });
    return rows.length > 0;
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.#db.update(apiKeys).set({ lastUsedAt: at }).where(eq(apiKeys.id, id));
  }

  async countActive(): Promise<number> {
    const [row] = await this.#db
      .select({ value: count() })
      .from(apiKeys)
      .where(isNull(apiKeys.revokedAt));
    return row?.value ?? 0;
  }
}

function toApiKey(row: typeof apiKeys.$inferSelect): ApiKey {
  const { keyHash: _hash, ...key } = row;
  return key;
}
