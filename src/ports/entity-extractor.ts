import type { Extraction } from '../domain/extraction.js';

export interface ExtractionContext {
  /** Name of the person speaking: first-person pronouns ("I", "me", "my") resolve to it. */
  readonly speaker?: string;
  /**
   * Name of the person spoken to, when the caller knows it (the other side of a two-person chat,
   * the next speaker of a transcript): "your sister Ana" and a kinship word called out ("Hi Mom!")
   * resolve to it. Without it, second-person words stay unresolved.
   */
  readonly addressee?: string;
  /** When the text was said: relative dates ("last month", "next March") resolve against it. */
  readonly referenceTime?: Date;
  /**
   * The turns said just before the text, oldest first (a conversation's previous messages): a
   * "he", "she" or "they" the text does not name resolves to the person named there most
   * recently ("I met Ana at work." … "She's my sister now, haha"). Never extracted themselves.
   */
  readonly earlierTurns?: readonly EarlierTurn[];
}

/** One earlier turn of a conversation: who said it (when known) and what was said. */
export interface EarlierTurn {
  readonly speaker?: string;
  readonly text: string;
}

/** Finds typed entities and the relations between them in a text. */
export interface EntityExtractor {
  /** Loads word lists or models (may take a while the first time); idempotent. */
  init(): Promise<void>;
  /** Entities with spans (sorted by start) and relations between them; never throws on odd text. */
  extract(text: string, context?: ExtractionContext): Promise<Extraction>;
}
