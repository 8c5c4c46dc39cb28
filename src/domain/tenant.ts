import { InvalidInputError } from './errors.js';

/** The tenant of every row written before tenants were split, and of the open (no-key) mode. */
export const DEFAULT_TENANT = 'default';

const TENANT_NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/u;

/** A tenant name as given to `engram keys create --tenant`: 1–63 of a–z, 0–9, `_`, `-`. */
export function validTenant(name: string): string {
  if (!TENANT_NAME.test(name))
    throw new InvalidInputError(
      'tenant must be 1–63 characters of a–z, 0–9, _ and -, starting with a letter or digit',
    );
  return name;
}
