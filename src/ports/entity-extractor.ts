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
}

/** Finds typed entities and the relations between them in a text. */
export interface EntityExtractor {
  /** Loads word lists or models (may take a while the first time); idempotent. */
  init(): Promise<void>;
  /** Entities with spans (sorted by start) and relations between them; never throws on odd text. */
  extract(text: string, context?: ExtractionContext): Promise<Extraction>;
}
