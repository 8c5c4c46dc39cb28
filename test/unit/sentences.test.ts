import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/domain/sentences.js';

const texts = (text: string, spans?: { start: number; end: number }[]) =>
  splitSentences(text, spans ? { protectedSpans: spans } : {}).map((sentence) => sentence.text);

describe('splitSentences', () => {
  it('splits at sentence punctuation and line breaks with exact spans', () => {
    const text = 'Caroline: Hey Mel! How are you?\nMelanie: Fine.';
    const sentences = splitSentences(text);
    expect(sentences.map((sentence) => sentence.text)).toEqual([
      'Caroline: Hey Mel!',
      'How are you?',
      'Melanie: Fine.',
    ]);
    for (const sentence of sentences)
      expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });

  it('does not split after a common abbreviation', () => {
    expect(texts('I saw Dr. Smith today. He was well.')).toEqual([
      'I saw Dr. Smith today.',
      'He was well.',
    ]);
  });

  it('keeps a last sentence without punctuation and skips blank lines', () => {
    expect(texts('One.\n\n  Two without a stop')).toEqual(['One.', 'Two without a stop']);
  });

  it('does not split after an initial or a dotted acronym', () => {
    expect(texts('J. R. Tolkien moved to the U.S. at 9 a.m. on Monday. He stayed.')).toEqual([
      'J. R. Tolkien moved to the U.S. at 9 a.m. on Monday.',
      'He stayed.',
    ]);
  });

  it('knows newspaper state abbreviations only when capitalised', () => {
    expect(texts('He lives in Concord, Mass. near Boston.')).toHaveLength(1);
    expect(texts('It reached critical mass. Then it fell.')).toHaveLength(2);
  });

  it('keeps closing quotes and brackets with the sentence they close', () => {
    expect(texts('She said "Go home." (He did.) Fine…  Done')).toEqual([
      'She said "Go home."',
      '(He did.)',
      'Fine…',
      'Done',
    ]);
  });

  it('ends a sentence at a stop right before a capital (a missing space)', () => {
    expect(texts('I was cheating.You owe me')).toEqual(['I was cheating.', 'You owe me']);
    expect(texts('see www.example.com today')).toHaveLength(1);
  });

  it('needs a space after the stop otherwise', () => {
    expect(texts('It costs 3.50 or .75 now')).toHaveLength(1);
  });

  it('ignores boundaries inside protected spans', () => {
    const text = 'I love Panic! At the Disco. Me too.';
    const start = text.indexOf('Panic!');
    expect(texts(text, [{ start, end: start + 'Panic! At the Disco'.length }])).toEqual([
      'I love Panic! At the Disco.',
      'Me too.',
    ]);
  });

  it('gives no sentence for blank text', () => {
    expect(splitSentences('  \n\n ')).toEqual([]);
  });
});
