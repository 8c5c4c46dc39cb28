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
  readonly userId: string;
  readonly agentId: string;
  readonly type: EntityType;
  /** Canonical name (the spec's `text`). */
  readonly text: string;
  readonly normalizedName: string;
  readonly attributes: Metadata;
  readonly metadata: Metadata;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** Lower-cases, strips diacritics, punctuation and corporate suffixes noise, collapses spaces. */
export function normalizeEntityName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]s$/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
