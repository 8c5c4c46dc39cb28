import type { EntityMention, Extraction } from '../../src/domain/extraction.js';
import type { EntityExtractor } from '../../src/ports/entity-extractor.js';

const SKIP = new Set(['I', 'The', 'A', 'An', 'My', 'We', 'He', 'She', 'It', 'They', 'Hey', 'Hi']);

/**
 * A tiny real EntityExtractor for tests: every run of capitalised words (except a few function
 * words) is a MISC entity; no relations. Stands in until the rules extractor is available.
 */
export class CapitalisedWordExtractor implements EntityExtractor {
  readonly calls: string[] = [];

  /** Capitalised runs in order of appearance. */
  async extract(text: string): Promise<Extraction> {
    this.calls.push(text);
    const entities: EntityMention[] = [];
    for (const match of text.matchAll(/\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*)*/gu)) {
      const words = match[0].split(/\s+/);
      const leading = SKIP.has(words[0] ?? '') ? 1 : 0;
      const kept = words.slice(leading).join(' ');
      if (!kept) continue;
      const start = match.index + match[0].indexOf(kept, leading ? (words[0]?.length ?? 0) : 0);
      entities.push({ text: kept, type: 'MISC', start, end: start + kept.length, confidence: 1 });
    }
    return { entities, relations: [] };
  }
}
