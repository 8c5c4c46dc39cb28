import type { Entity } from './entity.js';
import type { Relationship } from './relationship.js';

/** A relationship told as a fact: both ends named, whether it held at the time asked about, and the value it replaced. */
export interface Fact {
  readonly relationship: Relationship;
  readonly source: Entity;
  readonly target: Entity;
  /** True when the fact held at the time asked about (now, or `as_of`). */
  readonly current: boolean;
  /** The earlier value of a single-valued fact that this one closed, if any. */
  readonly replaced?: { readonly relationship: Relationship; readonly target?: Entity };
}
