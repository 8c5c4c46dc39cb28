import { describe, expect, it } from 'vitest';
import {
  joinSentences,
  mentionsName,
  splitSentences,
} from '../../../src/services/conversations/summary-sentences.js';

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
    expect(
      splitSentences('I saw Dr. Smith today. He was well.').map((sentence) => sentence.text),
    ).toEqual(['I saw Dr. Smith today.', 'He was well.']);
  });

  it('keeps a last sentence without punctuation and skips blank lines', () => {
    expect(splitSentences('One.\n\n  Two without a stop').map((sentence) => sentence.text)).toEqual(
      ['One.', 'Two without a stop'],
    );
  });
});

describe('mentionsName', () => {
  it('matches case-insensitively', () => {
    expect(mentionsName('she moved to BOSTON last year', 'Boston')).toBe(true);
  });

  it('matches whole words only', () => {
    expect(mentionsName('Also, nobody came.', 'Al')).toBe(false);
    expect(mentionsName('Also, Al came.', 'Al')).toBe(true);
  });
});

describe('joinSentences', () => {
  it('keeps line breaks of the source between chosen sentences', () => {
    const text = 'A one. A two.\nB one.';
    const [first, second, third] = splitSentences(text);
    expect(joinSentences(text, [first!, third!])).toBe('A one.\nB one.');
    expect(joinSentences(text, [first!, second!])).toBe('A one. A two.');
  });
});
