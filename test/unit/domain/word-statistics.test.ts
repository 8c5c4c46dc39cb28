import { describe, expect, it } from 'vitest';
import { WordStatistics } from '../../../src/domain/word-statistics.js';

describe('WordStatistics', () => {
  it('counts documents and occurrences incrementally', () => {
    const statistics = new WordStatistics();
    statistics.add(['i', 'love', 'pottery', 'i']);
    statistics.add(['pottery', 'class']);
    expect(statistics.documents).toBe(2);
    expect(statistics.tokens).toBe(6);
    expect(statistics.documentFrequency('i')).toBe(1);
    expect(statistics.documentFrequency('pottery')).toBe(2);
    expect(statistics.probability('i')).toBeCloseTo(2 / 6);
    expect(statistics.probability('unseen')).toBe(0);
  });

  it('gives rare words a higher IDF than words in every document', () => {
    const statistics = new WordStatistics();
    for (let index = 0; index < 10; index += 1) statistics.add(['caroline', `word${index}`]);
    statistics.add(['caroline', 'pottery']);
    expect(statistics.inverseDocumentFrequency('pottery')).toBeGreaterThan(
      statistics.inverseDocumentFrequency('caroline'),
    );
    expect(statistics.inverseDocumentFrequency('caroline')).toBeLessThan(0.1);
    expect(statistics.inverseDocumentFrequency('never')).toBeGreaterThan(
      statistics.inverseDocumentFrequency('pottery'),
    );
  });

  it('lists the vocabulary with probabilities that sum to 1', () => {
    const statistics = new WordStatistics();
    statistics.add(['a', 'b', 'b']);
    const total = [...statistics.vocabulary()].reduce((sum, [, p]) => sum + p, 0);
    expect(total).toBeCloseTo(1);
  });
});
