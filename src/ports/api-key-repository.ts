import type { ApiKey } from '../domain/api-key.js';

/** Stored API keys (hashes only). */
export interface ApiKeyRepository {
  /** Stores a new key under the hash of its secret. */
  insert(key: ApiKey, keyHash: string): Promise<void>;
  /** The key with this hash, revoked or not. */
  findByHash(keyHash: string): Promise<ApiKey | undefined>;
  /** Every key of a tenant, newest first. */
  list(tenant: string): Promise<ApiKey[]>;
  /** Marks a key revoked; false when the tenant has no such key (or it was revoked already). */
  revoke(tenant: string, id: string, at: Date): Promise<boolean>;
  /** Records that a key was used. */
  touch(id: string, at: Date): Promise<void>;
  /** How many keys are not revoked, in every tenant. */
  countActive(): Promise<number>;
}
