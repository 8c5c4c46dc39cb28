import { describe, expect, it } from 'vitest';
import { RulesEntityExtractor } from '../../../src/adapters/extraction/rules-entity-extractor.js';
import { mentionsName } from '../../../src/services/conversations/summary-sentences.js';
import { SummaryService } from '../../../src/services/conversations/summary-service.js';

const CONVERSATION = [
  'Caroline: Hey Mel! I went to a support group in Seattle yesterday.',
  'Melanie: That sounds great. My sister Sarah lives in Boston and works at Google.',
  'Caroline: Nice! I have been reading a lot lately.',
  'Melanie: The kids and I painted a sunrise last weekend.',
  'Caroline: Tim Cook spoke at Apple in Cupertino on Monday.',
].join('\n');

describe('SummaryService with the rules extractor', () => {
  it('keeps every entity the rules extractor finds in a conversation', async () => {
    const summaries = new SummaryService({ extractor: new RulesEntityExtractor() });
    const result = await summaries.summarize(CONVERSATION, {
      preserveEntities: true,
      maxSentences: 1,
    });
    expect(result.entities).toEqual(
      expect.arrayContaining(['Seattle', 'Sarah', 'Boston', 'Google']),
    );
    for (const name of result.entities) expect(mentionsName(result.summary, name)).toBe(true);
    expect(result.compressionRatio).toBeLessThan(1);
  });
});
