import type { Metadata } from './memory.js';

/** Entity labels. The first six are always produced; others are optional extras. */
export type EntityType =
  | 'PERSON'
  | 'ORG'
  | 'LOCATION'
  | 'DATE'
  | 'TIME'
  | 'MONEY'
  | 'PRODUCT'
  | 'EVENT'
  | 'MISC';

export type EntityId = string;

/** One canonical node of the knowledge graph: unique per (scope, type, normalised name). */
export interface Entity {
  readonly id: EntityId;
  /** The tenant that owns it (see docs/decisions/0011). */
  readonly tenant: string;
  readonly userId: string;
  readonly agentId: string;
  readonly type: EntityType;
  /** Canonical name (the spec's `text`). */
  readonly text: string;
  readonly normalizedName: string;
  readonly attributes: Metadata;
  readonly metadata: Metadata;
  /** Set on a merged-away name: the entity it now belongs to (see docs/decisions/0010). */
  readonly mergedInto?: EntityId | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

const ORG_SUFFIX =
  /\s+(inc|incorporated|corp|corporation|co|company|ltd|limited|llc|plc|gmbh|ag|sa)$/u;

/**
 * The key that makes two names one entity: lower case, no diacritics or punctuation, spaces
 * collapsed, a possessive 's dropped, and for organisations a legal suffix ("Corp.") dropped.
 */
export function normalizeEntityName(name: string, type?: EntityType): string {
  const plain = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]s$/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  const stripped = type === 'ORG' ? plain.replace(ORG_SUFFIX, '').trim() : plain;
  return stripped || plain;
}
