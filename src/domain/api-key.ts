import { createHash, randomBytes } from 'node:crypto';

export { DEFAULT_TENANT } from './tenant.js';

/** What a key may do: `read` (get, list, search), `write` (add, update, delete), `admin` (keys). */
export type KeyScope = 'read' | 'write' | 'admin';
export const KEY_SCOPES: readonly KeyScope[] = ['read', 'write', 'admin'];

/** An API key as stored and listed; the key itself is shown once and only its hash is kept. */
export interface ApiKey {
  readonly id: string;
  readonly tenant: string;
  readonly name: string;
  /** The key's first characters, to tell keys apart (not enough to use one). */
  readonly prefix: string;
  readonly scopes: readonly KeyScope[];
  /** A key bound to a user sees and writes only that user's memories. */
  readonly userId: string | null;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;
}

const KEY_PREFIX = 'egk_';

/** A new random key: `egk_` and 43 URL-safe characters (256 random bits). */
export function newKeySecret(): string {
  return `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** The stored form of a key: SHA-256, hex (the key is random, so no salt or stretching is needed). */
export function keyHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** The part of a key shown in lists. */
export function keyPrefix(secret: string): string {
  return secret.slice(0, KEY_PREFIX.length + 6);
}

/** Whether `scopes` grant `needed`: admin includes write, write includes read. */
export function grants(scopes: readonly KeyScope[], needed: KeyScope): boolean {
  const rank = { read: 0, write: 1, admin: 2 } as const;
  return scopes.some((scope) => rank[scope] >= rank[needed]);
}
