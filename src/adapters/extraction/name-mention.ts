import type { EntityType } from '../../domain/entity.js';

/** A proper-name mention (PERSON, ORG, LOCATION or MISC) by token range (`lastToken` inclusive). */
export interface NameMention {
  readonly type: EntityType;
  readonly firstToken: number;
  readonly lastToken: number;
  readonly confidence: number;
  /** A name of unknown kind: emitted only when a relation uses it (which may also retype it). */
  readonly auxiliary?: boolean;
}

/** What the classifier knows about a run beyond its own words. */
export interface RunContext {
  /** A title or kinship noun stands right before the run ("Dr.", "sister"). */
  readonly personCue: boolean;
  /** A pet noun stands right before the run ("my dog Rex"): the name is typed MISC. */
  readonly petCue: boolean;
  /** Types already given to names in this document (one sense per document). */
  readonly senses?: ReadonlyMap<string, EntityType>;
  /** Names used as sports teams in this document ("Leeds 2 Chelsea 1"). */
  readonly teams?: ReadonlySet<string>;
  /** The run is followed by ", <US state>" ("Bethany, Conn."): a town, even if also a first name. */
  readonly beforeState?: boolean;
  /** An organisation noun stands right before or after the run ("an Emery employee"). */
  readonly orgCue?: boolean;
  /** The run is a US state in newspaper style ("Conn.", "N.M."). */
  readonly stateAbbreviation?: boolean;
  /** The run is coordinated with the speaker ("Jordan and I", "me and Chelsea"). */
  readonly withSpeaker?: boolean;
  /** The run is where someone works ("started at Legacy Emanuel"): an organisation. */
  readonly workplace?: boolean;
}

/** A type and confidence for a run of name tokens. */
export interface RunType {
  readonly type: EntityType;
  readonly confidence: number;
  readonly auxiliary?: boolean;
}
