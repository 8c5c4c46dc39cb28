import type { Document } from '@langchain/core/documents';
import { ChatPromptTemplate, MessagesPlaceholder } from '@langchain/core/prompts';
import { RunnableWithMessageHistory } from '@langchain/core/runnables';
import { FakeChatModel, FakeListChatModel } from '@langchain/core/utils/testing';
import { EngramClient } from 'engram-client';
import { EngramChatMessageHistory, EngramRetriever } from 'engram-langchain';
import { beforeAll, describe, expect, it } from 'vitest';
import { useListeningApp } from '../../../test/support/use-listening-app.js';

const server = useListeningApp();
let client: EngramClient;
beforeAll(async () => {
  client = new EngramClient({ baseUrl: server.url() });
  await client.addMemory({ content: 'My sister Sarah lives in Boston.', user_id: 'lc-alice' });
  await client.addMemory({ content: 'I have a cat called Miso.', user_id: 'lc-alice' });
});

describe('EngramRetriever', () => {
  it('returns memories as Documents with entity metadata, then current facts', async () => {
    const retriever = new EngramRetriever({ client, userId: 'lc-alice', topK: 2 });
    const documents = await retriever.invoke('Where does Sarah live?');
    const [first] = documents;
    expect(first?.pageContent).toBe('My sister Sarah lives in Boston.');
    expect(first?.metadata['kind']).toBe('memory');
    expect(first?.metadata['entities']).toEqual(
      expect.arrayContaining([expect.objectContaining({ text: 'Sarah', type: 'PERSON' })]),
    );
    const facts = documents.filter((document) => document.metadata['kind'] === 'fact');
    expect(facts.map((fact) => fact.pageContent)).toContain('Sarah lives_in Boston');
  });

  it('feeds a chain whose fake model sees the retrieved memories', async () => {
    const retriever = new EngramRetriever({ client, userId: 'lc-alice', includeFacts: false });
    const prompt = ChatPromptTemplate.fromMessages([
      ['system', 'Known about the user:\n{context}'],
      ['human', '{question}'],
    ]);
    const question = 'What is my cat called?';
    const documents: Document[] = await retriever.invoke(question);
    const context = documents.map((document) => document.pageContent).join('\n');
    // FakeChatModel answers with the messages it was given.
    const answer = await prompt.pipe(new FakeChatModel({})).invoke({ context, question });
    expect(answer.content).toContain('I have a cat called Miso.');
  });
});

describe('EngramChatMessageHistory', () => {
  it('keeps a session’s messages in Engram, oldest first, and gives them to the next turn', async () => {
    const history = new EngramChatMessageHistory({ client, userId: 'lc-bob', sessionId: 'chat-1' });
    const prompt = ChatPromptTemplate.fromMessages([
      new MessagesPlaceholder('history'),
      ['human', '{input}'],
    ]);
    const model = new FakeListChatModel({ responses: ['Hello Bob!', 'You live in Lisbon.'] });
    const seen: string[][] = [];
    const chain = new RunnableWithMessageHistory({
      runnable: prompt.pipe(model),
      getMessageHistory: () => history,
      inputMessagesKey: 'input',
      historyMessagesKey: 'history',
    });
    const config = {
      configurable: { sessionId: 'chat-1' },
      callbacks: [
        {
          handleChatModelStart: (_llm: unknown, messages: { text: string }[][]) => {
            seen.push((messages[0] ?? []).map((message) => message.text));
          },
        },
      ],
    };
    await chain.invoke({ input: 'Hi, I am Bob and I live in Lisbon.' }, config);
    await chain.invoke({ input: 'Where do I live?' }, config);
    expect(seen[1]).toEqual([
      'Hi, I am Bob and I live in Lisbon.',
      'Hello Bob!',
      'Where do I live?',
    ]);
    const stored = await history.getMessages();
    expect(stored.map((message) => `${message.getType()}: ${message.text}`)).toEqual([
      'human: Hi, I am Bob and I live in Lisbon.',
      'ai: Hello Bob!',
      'human: Where do I live?',
      'ai: You live in Lisbon.',
    ]);
    const found = await client.searchMemories({ query: 'Where does Bob live?', user_id: 'lc-bob' });
    expect(found.results.map((result) => result.memory.content)).toContain(
      'Hi, I am Bob and I live in Lisbon.',
    );
    await history.clear();
    expect(await history.getMessages()).toEqual([]);
  });
});
