import type { RulesEntityExtractor } from '../../src/adapters/extraction/rules-entity-extractor.js';
import type { Extraction } from '../../src/domain/extraction.js';

/** Said on Saturday 9 May 2026, 15:00 UTC, by "alice": the context of the chat relation tests. */
export const CHAT_CONTEXT = { speaker: 'alice', referenceTime: new Date('2026-05-09T15:00:00Z') };

/** Relations as "source type target", with " (ended)" for endings and " from YYYY-MM-DD" when dated. */
export function describeRelations(
  extraction: Extraction,
  options: { dates?: boolean } = {},
): string[] {
  return extraction.relations.map((relation) => {
    const source = extraction.entities[relation.sourceIndex]?.text;
    const target = extraction.entities[relation.targetIndex]?.text;
    const ended = relation.ends ? ' (ended)' : '';
    const date =
      options.dates && relation.validFrom
        ? ` from ${relation.validFrom.toISOString().slice(0, 10)}`
        : '';
    return `${source} ${relation.type} ${target}${ended}${date}`;
  });
}

/** The relations the extractor finds in a chat message of alice's. */
export async function chatRelations(
  extractor: RulesEntityExtractor,
  text: string,
  options: { dates?: boolean } = {},
): Promise<string[]> {
  return describeRelations(await extractor.extract(text, CHAT_CONTEXT), options);
}
