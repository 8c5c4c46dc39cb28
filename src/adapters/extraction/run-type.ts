import type { EntityType } from '../../domain/entity.js';

/** A type and confidence for a run of name tokens. */
export interface RunType {
  readonly type: EntityType;
  readonly confidence: number;
  readonly auxiliary?: boolean;
}
