import type { EntityMention, Extraction } from '../../src/domain/extraction.js';
import type { EntityExtractor } from '../../src/ports/entity-extractor.js';

const SKIP = new Set(
  'I The A An My We He She It They Her His Their Our Your Hey Hi Later Nice That'.split(' '),
);

/**
 * A tiny real EntityExtractor for tests: every run of capitalised words (except a few function
 * words) is a MISC entity; no relations. Stands in until the rules extractor is available.
 */
export class CapitalisedWordExtractor implements EntityExtractor {
  readonly calls: string[] = [];

  /** Nothing to load. */
  async init(): Promise<void> {}

  /** Capitalised runs in order of appearance. */
  async extract(text: string): Promise<Extraction> {
    this.calls.push(text);
    const entities: EntityMention[] = [];
    for (const match of text.matchAll(/\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*)*/gu)) {
      const first = /^\S+/.exec(match[0])?.[0] ?? '';
      const skip = SKIP.has(first) ? (/^\S+\s+/.exec(match[0])?.[0].length ?? match[0].length) : 0;
      const start = match.index + skip;
      const end = match.index + match[0].length;
      if (start >= end) continue;
      entities.push({ text: text.slice(start, end), type: 'MISC', start, end, confidence: 1 });
    }
    return { entities, relations: [] };
  }
}
