import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/domain/sentences.js';
import {
  joinSentences,
  mentionsName,
} from '../../../src/services/conversations/summary-sentences.js';

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
