import type { EntityType } from '../../src/domain/entity.js';

/** One thing the person typed, with when they typed it. */
export interface ChatMessage {
  /** Unique within the bench (`person.topic`); questions name their answer by it. */
  readonly key: string;
  /** ISO time the message was sent. */
  readonly at: string;
  readonly text: string;
}

/** A question the person asks later, and the message that answers it at that time. */
export interface ChatQuestion {
  readonly ask: string;
  /** Key of the message that holds the answer (as things stood at `asOf`, or now). */
  readonly answer: string;
  /** A "back then" question: search as things stood at this ISO time. */
  readonly asOf?: string;
}

/** Who a graph check is about: the speaker (first person), or any entity with one of these names. */
export type ChatParty = 'speaker' | { readonly names: readonly string[] };

/**
 * What the stored graph must say after the whole conversation.
 * `current`: an edge subject → object of one of `types` (or object → subject of `inverse`) holds now;
 * `closed`: such an edge existed and none holds now; `not_current`: none holds now; `never`: none
 * was ever stored;
 * `direction`: such an edge exists (holding now when `current`), and no edge says the reverse;
 * `one_node`: every PERSON named like the speaker is the speaker's own entity;
 * `no_entity`: no entity of `type` has any of `names`.
 */
export type ChatGraphCheck =
  | {
      readonly kind: 'current' | 'closed' | 'not_current' | 'never' | 'direction';
      readonly topic: ChatTopic;
      readonly subject: ChatParty;
      readonly types: readonly string[];
      readonly inverse?: readonly string[];
      readonly object: ChatParty;
      /** Only for `direction`: the edge must hold now. */
      readonly current?: boolean;
    }
  | { readonly kind: 'one_node'; readonly topic: 'identity'; readonly names: readonly string[] }
  | {
      readonly kind: 'no_entity';
      readonly topic: 'small_talk';
      readonly type: EntityType;
      readonly names: readonly string[];
    };

/** What part of a life a check is about (for grouping failures). */
export type ChatTopic =
  | 'job'
  | 'home'
  | 'partner'
  | 'pet'
  | 'family'
  | 'manager'
  | 'correction'
  | 'third_party'
  | 'attribution'
  | 'identity'
  | 'small_talk';

/** One person's months of chat with an assistant, the questions they ask later, and the graph they leave. */
export interface ChatPerson {
  /** The scope's user id; the speaker entity is named after it. */
  readonly userId: string;
  /** Short label for tables. */
  readonly label: string;
  readonly messages: readonly ChatMessage[];
  readonly questions: readonly ChatQuestion[];
  readonly checks: readonly ChatGraphCheck[];
}
