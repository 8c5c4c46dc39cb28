import { describe, expect, it } from 'vitest';
import {
  isOnlyQuestion,
  unstorableReason,
} from '../../../src/services/conversations/question-turn.js';

describe('isOnlyQuestion', () => {
  it.each([
    'Where does my sister live now?',
    'where does my sister live now',
    'Do I own a boat?',
    'What is my manager called? And where does she work?',
    "Isn't Leo seven already?",
    'how old is Mia',
    "do you remember who I'm engaged to?",
    'Can you remember where I parked?',
    'What do you remember about my sister?',
  ])('is true for a bare question: %s', (text) => {
    expect(isOnlyQuestion(text)).toBe(true);
  });

  it.each([
    'My sister moved to Denver.',
    'I moved to Denver last week. Do you know any good cafes?',
    'Did I mention that I really love sushi?',
    'Can you remember that my PIN is in the blue folder?',
    'Will do that tomorrow',
    'Where I grew up, winters were long.',
    'We have two kids, Leo and Mia',
    'Remember, my flight is on Friday',
    'Please note my new address is 12 Elm Street',
    'FYI I switched teams',
  ])('is false when the turn states something: %s', (text) => {
    expect(isOnlyQuestion(text)).toBe(false);
  });
});

describe('unstorableReason', () => {
  it('names filler, questions, and nothing for a statement', () => {
    expect(unstorableReason('ok thanks!')).toBe('filler');
    expect(unstorableReason('Where do I work?')).toBe('question');
    expect(unstorableReason('I started at Stripe in May.')).toBeUndefined();
  });
});
