import { describe, expect, it } from 'vitest';
import { wordGroups, words } from '../../src/domain/word-list.js';

describe('words', () => {
  it('splits on any white space and turns _ into a space', () => {
    expect([...words('\n  mr  mrs\n  bank_of_america  ')]).toEqual([
      'mr',
      'mrs',
      'bank of america',
    ]);
  });

  it('gives an empty list for blank text', () => {
    expect(words('  \n').size).toBe(0);
  });
});

describe('wordGroups', () => {
  it('maps each word to its group, a later group winning a shared word', () => {
    const groups = wordGroups({ a: 'x y', b: 'y z' });
    expect([...groups]).toEqual([
      ['x', 'a'],
      ['y', 'b'],
      ['z', 'b'],
    ]);
  });
});
