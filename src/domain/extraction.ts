import type { EntityType } from './entity.js';

/** An entity found in a text, with its character span (`end` exclusive). */
export interface EntityMention {
  readonly text: string;
  readonly type: EntityType;
  readonly start: number;
  readonly end: number;
  readonly confidence: number;
  /** True when the mention is a first-person pronoun resolved to the speaker. */
  readonly isSpeaker?: boolean;
}

/** A relation between two mentions, by their index in `Extraction.entities`. */
export interface RelationMention {
  readonly sourceIndex: number;
  readonly targetIndex: number;
  /** snake_case type, e.g. `works_for`, or a verb lemma for generic relations. */
  readonly type: string;
  readonly confidence: number;
  readonly sentence: string;
}

export interface Extraction {
  readonly entities: readonly EntityMention[];
  readonly relations: readonly RelationMention[];
}
