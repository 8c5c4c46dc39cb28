import { describe, expect, it } from 'vitest';
import { findValues } from '../../../src/adapters/extraction/value-patterns.js';

function values(text: string): string[] {
  return findValues(text).map((value) => `${text.slice(value.start, value.end)}/${value.type}`);
}

describe('findValues', () => {
  it.each([
    ['see you tomorrow at 5pm', ['tomorrow/DATE', '5pm/TIME']],
    ['the rent is €1,200 a month', ['€1,200/MONEY']],
    ['it raised 3.5 million dollars in 2019', ['3.5 million dollars/MONEY', '2019/DATE']],
    ['born on 12 July 1990', ['12 July 1990/DATE']],
    ['we moved here two years ago, on 2021-06-01', ['2021-06-01/DATE']],
    ['call me this evening or at noon', ['this evening/TIME', 'noon/TIME']],
    ['I may go next week', ['next week/DATE']],
  ])('finds the values in "%s"', (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it('does not take the modal "may" for a month', () => {
    expect(values('you may be right')).toEqual([]);
  });
});
