import { randomUUID } from 'node:crypto';
import {
  type ApiKey,
  DEFAULT_TENANT,
  KEY_SCOPES,
  type KeyScope,
  keyHash,
  keyPrefix,
  newKeySecret,
} from '../../domain/api-key.js';
import { InvalidInputError, NotFoundError } from '../../domain/errors.js';
import { validTenant } from '../../domain/tenant.js';
import type { ApiKeyRepository } from '../../ports/api-key-repository.js';
import type { Clock } from '../../ports/clock.js';

export interface NewKeyInput {
  readonly name: string;
  readonly scopes: readonly KeyScope[];
  readonly userId?: string;
  readonly tenant?: string;
}

// `last_used_at` is written at most this often per key (not on every request).
const TOUCH_EVERY_MS = 60_000;
// How long "are there any keys?" is remembered (keys made by the CLI show up within this).
const ACTIVE_COUNT_TTL_MS = 2_000;

/** Creates, lists, revokes and checks API keys. */
export class ApiKeyService {
  readonly #repository: ApiKeyRepository;
  readonly #clock: Clock;
  readonly #touched = new Map<string, number>();
  #active: { count: number; at: number } | undefined;

  constructor(deps: { repository: ApiKeyRepository; clock: Clock }) {
    this.#repository = deps.repository;
    this.#clock = deps.clock;
  }

  /** Makes a key; the secret is returned here once and never stored. */
  async create(input: NewKeyInput): Promise<{ key: ApiKey; secret: string }> {
    const name = input.name.trim();
    if (name.length === 0 || name.length > 200)
      throw new InvalidInputError('name must be 1–200 characters');
    const scopes = [...new Set(input.scopes)];
    if (scopes.length === 0 || scopes.some((scope) => !KEY_SCOPES.includes(scope)))
      throw new InvalidInputError(`scopes must be some of ${KEY_SCOPES.join(', ')}`);
    const secret = newKeySecret();
    const key: ApiKey = {
      id: randomUUID(),
      tenant: validTenant(input.tenant ?? DEFAULT_TENANT),
      name,
      prefix: keyPrefix(secret),
      scopes,
      userId: input.userId ?? null,
      createdAt: this.#clock.now(),
      lastUsedAt: null,
      revokedAt: null,
    };
    await this.#repository.insert(key, keyHash(secret));
    this.#active = undefined;
    return { key, secret };
  }

  /** Every key of a tenant (never their secrets). */
  list(tenant = DEFAULT_TENANT): Promise<ApiKey[]> {
    return this.#repository.list(tenant);
  }

  /** Revokes a key at once; `not_found` when the tenant has no such active key. */
  async revoke(id: string, tenant = DEFAULT_TENANT): Promise<void> {
    if (!(await this.#repository.revoke(tenant, id, this.#clock.now())))
      throw new NotFoundError('api key', id);
    this.#active = undefined;
  }

  /** The active key a secret names, or undefined (unknown or revoked). */
  async authenticate(secret: string): Promise<ApiKey | undefined> {
    const key = await this.#repository.findByHash(keyHash(secret));
    if (!key || key.revokedAt) return undefined;
    const now = this.#clock.now().getTime();
    if (now - (this.#touched.get(key.id) ?? 0) >= TOUCH_EVERY_MS) {
      this.#touched.set(key.id, now);
      await this.#repository.touch(key.id, new Date(now));
    }
    return key;
  }

  /** Whether any key is active (the open loopback mode ends with the first key). */
  async hasActiveKeys(): Promise<boolean> {
    const now = Date.now();
    if (!this.#active || now - this.#active.at > ACTIVE_COUNT_TTL_MS)
      this.#active = { count: await this.#repository.countActive(), at: now };
    return this.#active.count > 0;
  }
}
