import { describe, expect, it } from 'vitest';
import type { ConversationMessage } from '../../../src/services/conversations/conversation-inputs.js';
import { useTestApp } from '../../support/use-test-app.js';

const t = useTestApp();

/** Every current relationship of the user's entities, as "source type target". */
async function factsOf(userId: string): Promise<string[]> {
  const scope = { tenant: 'default', userId, agentId: '' };
  const entities = await t.services.graph.search({ scope, limit: 100, offset: 0 });
  const found = new Set<string>();
  for (const entity of entities) {
    const { relationships, graph } = await t.services.graph.relationships(entity.id, scope);
    const name = (id: string) => graph.nodes.find((node) => node.id === id)?.text ?? id;
    for (const edge of relationships)
      if (edge.validTo === null)
        found.add(`${name(edge.sourceEntityId)} ${edge.relationType} ${name(edge.targetEntityId)}`);
  }
  return [...found].sort();
}

const process = (userId: string, messages: ConversationMessage[], agentId = '') =>
  t.services.conversations.process({ scope: { tenant: 'default', userId, agentId }, messages });

describe('conversation turns read with their earlier turns', () => {
  it.each([
    ['I had lunch with Ana yesterday.', "She's my sister, she just moved to Lisbon."],
    ['Ana called me this morning', 'she is my sister lol'],
    ['Ana is coming over tonight.', 'Oh and she is my sister btw'],
  ])('"%s" then "%s": the user is Ana\'s sibling', async (first, second) => {
    const userId = `earlier-${first.length}-${second.length}`;
    await process(userId, [
      { role: 'user', content: first },
      { role: 'assistant', content: 'Nice! Tell me more.' },
      { role: 'user', content: second },
    ]);
    expect(await factsOf(userId)).toContain(`${userId} sibling_of Ana`);
  });

  it.each([
    [['Tom called me this morning.'], "She's my sister."],
    [[], "She's my sister."],
    [['I had lunch with Ana yesterday.'], "He's my brother."],
  ])('after %j, "%s" names no sibling', async (earlier, text) => {
    const userId = `no-earlier-${earlier.length}-${text.length}`;
    await process(userId, [
      ...earlier.map((content) => ({ role: 'user' as const, content })),
      { role: 'user', content: text },
    ]);
    expect((await factsOf(userId)).filter((fact) => fact.includes('sibling_of'))).toEqual([]);
  });
});

describe('the one each turn is said to', () => {
  it('stores the assistant as the addressee of a user turn', async () => {
    const { added } = await process(
      'addressed-1',
      [{ role: 'user', content: 'My dog Biscuit loves the beach.' }],
      'travel-bot',
    );
    expect(added[0]?.memory.metadata['addressee']).toBe('travel-bot');
  });

  it('reads "I\'m your sister" in a transcript of named people as said to the last other speaker', async () => {
    await process('addressed-2', [
      { role: 'user', name: 'Ross', content: 'Why are you even here tonight?' },
      { role: 'user', name: 'Monica', content: "Because I'm your sister, Ross, that's why!" },
    ]);
    expect(await factsOf('addressed-2')).toContain('Monica sibling_of Ross');
  });

  it('passes over filler when it finds the one spoken to', async () => {
    await process('addressed-3', [
      { role: 'user', name: 'Ross', content: 'So when do I get to meet Emma?' },
      { role: 'user', name: 'Rachel', content: 'Okay. Wow.' },
      {
        role: 'user',
        name: 'Monica',
        content: "Uh Dad, Emma's in the nursery. I'll take you now.",
      },
    ]);
    expect(await factsOf('addressed-3')).toContain('Monica child_of Ross');
  });

  it('gives "you" in a user turn to no one else when the chat has only the user and the assistant', async () => {
    await process('addressed-4', [
      { role: 'user', content: "You're my best friend, honestly." },
      { role: 'user', content: 'My sister Ana lives in Lisbon.' },
    ]);
    const facts = await factsOf('addressed-4');
    expect(facts).toContain('addressed-4 sibling_of Ana');
    expect(facts.filter((fact) => fact.includes('Ana') && fact.includes('assistant'))).toEqual([]);
  });
});

describe('/chat reads the message with its history', () => {
  it('resolves "she" to the person named in an earlier turn', async () => {
    const scope = { tenant: 'default', userId: 'chat-earlier', agentId: '' };
    const result = await t.services.chat.chat({
      scope,
      message: "She's my cousin, we grew up together.",
      history: [
        { role: 'user', content: 'I met Priya at the gym today.' },
        { role: 'assistant', content: 'Who is she?' },
      ],
    });
    expect(result.memoryId).not.toBeNull();
    expect(await factsOf('chat-earlier')).toContain('chat-earlier cousin_of Priya');
  });

  it('stores the assistant as the one the message is said to', async () => {
    const scope = { tenant: 'default', userId: 'chat-addressee', agentId: 'helper' };
    const result = await t.services.chat.chat({ scope, message: 'My brother Tom works at Dell.' });
    const memory = await t.services.reader.get(result.memoryId ?? '', scope);
    expect(memory.metadata['addressee']).toBe('helper');
  });
});
