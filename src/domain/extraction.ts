import type { EntityType } from './entity.js';
import type { Metadata } from './memory.js';
import type { RelationLabel } from './relation-type.js';
import { words } from './word-list.js';

/** First-person pronouns: with a speaker in the context they stand for that person. */
export const FIRST_PERSON_PRONOUNS: ReadonlySet<string> = words('i me my mine myself');

/** An entity found in a text, with its character span (`end` exclusive). */
export interface EntityMention {
  readonly text: string;
  readonly type: EntityType;
  readonly start: number;
  readonly end: number;
  readonly confidence: number;
  /** True when the mention is a first-person pronoun resolved to the speaker. */
  readonly isSpeaker?: boolean;
  /** Another name of the mention's entity the text gives ("Hi, I'm Sam Carter" → the speaker is also "Sam Carter"). */
  readonly alias?: string;
  /** What the text says the entity is (`{ species: 'dog' }`), merged into the entity's attributes. */
  readonly attributes?: Metadata;
}

/** A relation between two mentions, by their index in `Extraction.entities`. */
export interface RelationMention {
  readonly sourceIndex: number;
  readonly targetIndex: number;
  /** A catalogue type (`works_for`) or, for generic relations, a verb lemma (`visit`). */
  readonly type: RelationLabel;
  readonly confidence: number;
  readonly sentence: string;
  /** When the fact started, when the text says ("we moved here last month"); else when it was said. */
  readonly validFrom?: Date;
  /**
   * The text says the fact stopped ("we broke up", "I left Acme"): the edge that held then ends at
   * `validFrom` (or when it was said) instead of starting there.
   */
  readonly ends?: boolean;
}

export interface Extraction {
  readonly entities: readonly EntityMention[];
  readonly relations: readonly RelationMention[];
}
