import { describe, expect, it } from 'vitest';
import type { ConversationMessage } from '../../../src/services/conversations/conversation-inputs.js';
import {
  addresseeOf,
  earlierTurnsOf,
  speakerOfMessage,
} from '../../../src/services/conversations/turn-parties.js';

const scope = { tenant: 'default', userId: 'sam', agentId: 'helper' };
const user = (content: string, name?: string): ConversationMessage => ({
  role: 'user',
  content,
  ...(name ? { name } : {}),
});
const assistant = (content: string): ConversationMessage => ({ role: 'assistant', content });

describe('who speaks and to whom', () => {
  it('names the user and the assistant by the scope when messages do not', () => {
    expect(speakerOfMessage(user('hi'), scope)).toBe('sam');
    expect(speakerOfMessage(assistant('hello'), scope)).toBe('helper');
    expect(
      speakerOfMessage(assistant('hello'), { tenant: 'default', userId: 'sam', agentId: '' }),
    ).toBe('assistant');
    expect(speakerOfMessage(user('hi', 'Monica'), scope)).toBe('Monica');
  });

  it('says a user turn to the assistant and an assistant turn to the user', () => {
    const chat = [user('My sister lives in Lisbon.'), assistant('Nice!'), user('She loves it.')];
    expect(addresseeOf(chat, 0, scope)).toBe('helper');
    expect(addresseeOf(chat, 1, scope)).toBe('sam');
    expect(addresseeOf(chat, 2, scope)).toBe('helper');
    expect(addresseeOf([user('I moved to Denver.')], 0, scope)).toBe('helper');
  });

  it('says a transcript turn to the last other speaker, passing over filler', () => {
    const talk = [
      user('When do I meet Emma?', 'Ross'),
      user('Okay. Wow.', 'Rachel'),
      user('Dad, she is asleep.', 'Monica'),
      user('Monica, come on.', 'Ross'),
    ];
    expect(addresseeOf(talk, 2, scope)).toBe('Ross');
    expect(addresseeOf(talk, 3, scope)).toBe('Monica');
    expect(addresseeOf(talk, 0, scope)).toBe('Rachel');
  });

  it('gives the turns before, oldest first, without system text or recalled memories', () => {
    const messages: ConversationMessage[] = [
      { role: 'system', content: 'Be nice.' },
      user('I had lunch with Ana.'),
      assistant('<memories>Ana is your sister.</memories>'),
      assistant('How is she?'),
      user("She's great."),
    ];
    expect(earlierTurnsOf(messages, 4, scope)).toEqual([
      { speaker: 'sam', text: 'I had lunch with Ana.' },
      { speaker: 'helper', text: 'How is she?' },
    ]);
  });
});
