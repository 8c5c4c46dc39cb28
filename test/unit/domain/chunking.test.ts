import { describe, expect, it } from 'vitest';
import { chunkText, countTokens } from '../../../src/domain/chunking.js';
import { contentHash } from '../../../src/domain/content-hash.js';

const STORY =
  'Caroline moved to Seattle last spring. She works for Microsoft as a designer. ' +
  'On weekends she volunteers at the LGBTQ support group downtown! Do you remember her sister Sarah? ' +
  'Sarah still lives in Boston with her two dogs.';

describe('countTokens', () => {
  it('counts words and punctuation marks, keeping contractions whole', () => {
    expect(countTokens("I don't like Mondays, really.")).toBe(7);
  });

  it('counts nothing in blank text', () => {
    expect(countTokens('  \n ')).toBe(0);
  });
});

describe('chunkText', () => {
  it('keeps a short text as one chunk', () => {
    expect(chunkText(STORY, { maxTokens: 512 })).toEqual([
      { text: STORY, start: 0, end: STORY.length },
    ]);
  });

  it('returns no chunk for blank text', () => {
    expect(chunkText('   \n\n  ', { maxTokens: 10 })).toEqual([]);
  });

  it('splits at sentence boundaries and respects the token limit', () => {
    const chunks = chunkText(STORY, { maxTokens: 20 });
    expect(chunks.map((chunk) => chunk.text)).toEqual([
      'Caroline moved to Seattle last spring. She works for Microsoft as a designer.',
      'On weekends she volunteers at the LGBTQ support group downtown! Do you remember her sister Sarah?',
      'Sarah still lives in Boston with her two dogs.',
    ]);
    for (const chunk of chunks) expect(countTokens(chunk.text)).toBeLessThanOrEqual(20);
  });

  it('gives offsets into the original text', () => {
    for (const chunk of chunkText(STORY, { maxTokens: 12 })) {
      expect(STORY.slice(chunk.start, chunk.end)).toBe(chunk.text);
    }
  });

  it('does not end a sentence after a title or an initial', () => {
    const text = 'Dr. Smith met J. R. Tolkien. They talked.';
    expect(chunkText(text, { maxTokens: 10 }).map((chunk) => chunk.text)).toEqual([
      'Dr. Smith met J. R. Tolkien.',
      'They talked.',
    ]);
  });

  it('treats line breaks between chat turns as boundaries', () => {
    const text = 'Melanie: I painted a lake\nCaroline: that sounds lovely';
    expect(chunkText(text, { maxTokens: 7 }).map((chunk) => chunk.text)).toEqual([
      'Melanie: I painted a lake',
      'Caroline: that sounds lovely',
    ]);
  });

  it('falls back to word boundaries inside an overlong sentence', () => {
    const text = 'We drove from Portland to Seattle and then on to Vancouver without stopping once';
    const chunks = chunkText(text, { maxTokens: 5 });
    expect(chunks.map((chunk) => chunk.text)).toEqual([
      'We drove from Portland to',
      'Seattle and then on to',
      'Vancouver without stopping once',
    ]);
  });

  it('never cuts inside a protected entity span', () => {
    const text = 'She finally visited the Museum of Modern Art in New York City last week';
    const museum = text.indexOf('Museum of Modern Art');
    const city = text.indexOf('New York City');
    const spans = [
      { start: museum, end: museum + 'Museum of Modern Art'.length },
      { start: city, end: city + 'New York City'.length },
    ];
    const chunks = chunkText(text, { maxTokens: 5, protectedSpans: spans });
    for (const span of spans) {
      expect(chunks.some((chunk) => chunk.start <= span.start && span.end <= chunk.end)).toBe(true);
    }
    expect(chunks.map((chunk) => chunk.text).join(' ')).toBe(text);
  });

  it('keeps a sentence boundary inside a protected span unbroken', () => {
    const text = 'I love the band Panic! At the Disco. They play tonight.';
    const start = text.indexOf('Panic!');
    const spans = [{ start, end: start + 'Panic! At the Disco'.length }];
    const chunks = chunkText(text, { maxTokens: 10, protectedSpans: spans });
    expect(chunks[0]?.text).toBe('I love the band Panic! At the Disco.');
  });

  it('lets a protected span longer than the limit form a chunk of its own', () => {
    const text = 'See the United Nations Educational Scientific and Cultural Organization today';
    const start = text.indexOf('United');
    const end = text.indexOf(' today');
    const chunks = chunkText(text, { maxTokens: 3, protectedSpans: [{ start, end }] });
    expect(chunks.map((chunk) => chunk.text)).toContain(text.slice(start, end));
  });
});

describe('contentHash', () => {
  it('is equal for texts differing only in whitespace and Unicode normal form', () => {
    expect(contentHash('  I moved to\n\tZürich ')).toBe(contentHash('I moved to Zu\u0308rich'));
  });

  it('differs when a word differs, including case', () => {
    expect(contentHash('I moved to Zürich')).not.toBe(contentHash('I moved to zürich'));
  });

  it('is a hex sha256', () => {
    expect(contentHash('hello')).toBe(
      '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824',
    );
  });
});
