import { describe, expect, it } from 'vitest';
import { sortTurns } from '../../../src/services/conversations/conversation-turns.js';
import { fillerReason } from '../../../src/services/conversations/filler-turn.js';
import {
  isContainedIn,
  isQuotedIn,
  recalledPassages,
  withoutRecalled,
} from '../../../src/services/conversations/recalled-context.js';

describe('fillerReason', () => {
  it.each([
    'hi',
    'Hello there!',
    'thanks!',
    'Thank you so much',
    'ok',
    'okay cool',
    'lol',
    'haha yes',
    '👍',
    '🎉🎉',
    '...',
    'I see.',
    'Hi John!',
    'sounds good',
  ])('treats %j as filler', (text) => {
    expect(fillerReason(text)).toBe('filler');
  });

  it.each([
    'I love sushi',
    'My sister Sarah moved to Denver.',
    'Thanks, I start at Google on Monday.',
    'I am allergic to peanuts',
    'Call me at 5pm',
  ])('keeps %j', (text) => {
    expect(fillerReason(text)).toBeUndefined();
  });

  it('reports blank text as empty', () => {
    expect(fillerReason('   ')).toBe('empty');
  });
});

describe('recalled context', () => {
  const text =
    'Context:\n<memories>\n- Sarah lives in Denver.\n2. I like jazz.\n</memories>\n[recalled] I am a nurse.\nI booked a flight.';

  it('finds memory blocks and [recalled] lines', () => {
    expect(recalledPassages(text)).toEqual([
      'Sarah lives in Denver.',
      'I like jazz.',
      'I am a nurse.',
    ]);
  });

  it('removes them from the text', () => {
    expect(withoutRecalled(text)).toBe('Context:\n \nI booked a flight.');
  });

  it('treats an unclosed block as running to the end', () => {
    expect(withoutRecalled('Hello <memories> I like jazz.')).toBe('Hello');
  });

  it('sees a paraphrase with the same content words as contained', () => {
    expect(isContainedIn('Sarah lives in Denver', ['Sarah lives in Denver, Colorado.'])).toBe(true);
    expect(isContainedIn('You live in Denver, Sarah!', ['Sarah lives in Denver.'])).toBe(true);
  });

  it('does not see new information as contained', () => {
    expect(isContainedIn('Sarah moved to Boston', ['Sarah lives in Denver.'])).toBe(false);
  });

  it('quotes only verbatim word sequences', () => {
    expect(isQuotedIn('a helpful assistant', ['You are a helpful assistant.'])).toBe(true);
    expect(isQuotedIn('I live in Boston', ['You help Alice, who lives in Boston.'])).toBe(false);
  });
});

describe('sortTurns', () => {
  it('keeps informative user turns and gives every other turn a reason', () => {
    const sorted = sortTurns([
      { role: 'system', content: 'Be helpful.' },
      { role: 'user', content: 'hey' },
      { role: 'user', content: 'I play the cello in an orchestra.' },
      { role: 'assistant', content: 'Great, which one?' },
      { role: 'user', content: '<memories>I like jazz.</memories>' },
    ]);
    expect(sorted.informative.map((turn) => turn.index)).toEqual([2]);
    expect(sorted.skipped).toEqual([
      { index: 0, reason: 'system_prompt' },
      { index: 1, reason: 'filler' },
      { index: 3, reason: 'assistant_turn' },
      { index: 4, reason: 'recalled_context' },
    ]);
    expect(sorted.transcript.map((turn) => turn.index)).toEqual([1, 2, 3]);
  });
});
