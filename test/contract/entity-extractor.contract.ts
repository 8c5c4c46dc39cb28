import { describe, expect, it } from 'vitest';
import type { EntityExtractor } from '../../src/ports/entity-extractor.js';

/** Shared behaviour every EntityExtractor adapter must show. */
export function describeEntityExtractorContract(
  name: string,
  factory: (options: { confidenceThreshold: number }) => EntityExtractor,
): void {
  describe(`EntityExtractor contract: ${name}`, () => {
    const text =
      'John works for Microsoft in Seattle. Yesterday Sarah flew to Boston with Tim Cook!';

    it('gives spans that match the text, except speaker mentions', async () => {
      const { entities } = await factory({ confidenceThreshold: 0.5 }).extract(text, {
        speaker: 'alice',
      });
      expect(entities.length).toBeGreaterThan(0);
      for (const entity of entities) {
        if (!entity.isSpeaker) expect(text.slice(entity.start, entity.end)).toBe(entity.text);
        expect(entity.end).toBeGreaterThan(entity.start);
      }
    });

    it('sorts entities by start', async () => {
      const { entities } = await factory({ confidenceThreshold: 0.5 }).extract(text);
      const starts = entities.map((entity) => entity.start);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    });

    it('drops mentions under the confidence threshold', async () => {
      const strict = await factory({ confidenceThreshold: 0.95 }).extract(text);
      const loose = await factory({ confidenceThreshold: 0.1 }).extract(text);
      for (const entity of strict.entities) expect(entity.confidence).toBeGreaterThanOrEqual(0.95);
      expect(loose.entities.length).toBeGreaterThan(strict.entities.length);
    });

    it('keeps relation indexes inside the entity list', async () => {
      const { entities, relations } = await factory({ confidenceThreshold: 0.5 }).extract(
        'My sister Sarah lives in Boston and works at Google. Bill Gates, chairman of Microsoft, lives in Seattle.',
        { speaker: 'alice' },
      );
      for (const relation of relations) {
        expect(entities[relation.sourceIndex]).toBeDefined();
        expect(entities[relation.targetIndex]).toBeDefined();
        expect(relation.sentence.length).toBeGreaterThan(0);
      }
    });

    it('finds the spec sentence entities in order', async () => {
      const { entities } = await factory({ confidenceThreshold: 0.5 }).extract(
        'John works for Microsoft in Seattle',
      );
      expect(entities.map((entity) => entity.text)).toEqual(['John', 'Microsoft', 'Seattle']);
    });

    it.each([
      ['empty text', ''],
      ['only spaces', '   \n  '],
      ['emoji', '😂😂🔥 lol 👍🏽'],
      ['very long text', 'Sarah met Tom in Paris. '.repeat(2000)],
      ['odd punctuation', '"" ((( ))) --- ... ,,, ;;; \u0000 \uFFFF'],
    ])('never throws on %s', async (_label, input) => {
      const extraction = await factory({ confidenceThreshold: 0.5 }).extract(input, {
        speaker: 'alice',
      });
      expect(Array.isArray(extraction.entities)).toBe(true);
      expect(Array.isArray(extraction.relations)).toBe(true);
    });
  });
}
