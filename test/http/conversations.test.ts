import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { App } from '../../src/http/build-app.js';
import { type FakeLlmServer, startFakeLlmServer } from '../support/fake-llm-server.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { buildConversationApp, fakeLlm } from './conversation-app.js';

const chromaUrl = inject('chromaUrl');
let llmServer: FakeLlmServer;
let t: TestApp;
let withLlm: App;
let withoutLlm: App;
let impatient: App;

beforeAll(async () => {
  llmServer = await startFakeLlmServer();
  t = await createTestApp({ chromaUrl });
  withLlm = await buildConversationApp(t, fakeLlm(llmServer.url));
  withoutLlm = await buildConversationApp(t);
  impatient = await buildConversationApp(t, fakeLlm(llmServer.url, { timeoutMs: 200 }));
});
afterAll(async () => {
  await Promise.all([withLlm?.close(), withoutLlm?.close(), impatient?.close()]);
  await t?.close();
  await llmServer?.close();
});
beforeEach(() => llmServer.reset());

const post = (app: App, url: string, payload: unknown) =>
  app.inject({ method: 'POST', url, payload: payload as object });
const process = (app: App, payload: unknown) => post(app, '/conversations/process', payload);
const facts = (...items: { fact: string; turn: number }[]) => JSON.stringify({ facts: items });
const contents = async (userId: string): Promise<string[]> =>
  (await t.app.inject({ url: `/memories?user_id=${userId}` }))
    .json()
    .memories.map((memory: { content: string }) => memory.content);
const promptText = (index: number): string =>
  JSON.stringify((llmServer.requests[index]?.body as { messages?: unknown } | undefined)?.messages);

describe('POST /conversations/process without an LLM', () => {
  it('stores informative user turns and skips greetings, filler, system and assistant turns', async () => {
    const response = await process(withoutLlm, {
      user_id: 'rules-1',
      messages: [
        { role: 'system', content: 'You are a friendly travel assistant.' },
        { role: 'user', content: 'hi!' },
        { role: 'user', content: 'My sister Sarah moved to Denver in March.' },
        { role: 'assistant', content: 'That sounds exciting! Will you visit her?' },
        { role: 'user', content: 'ok thanks lol' },
        { role: 'user', content: '👍🎉' },
      ],
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.method).toBe('rules');
    expect(body.notice).toMatch(/No LLM is configured/);
    expect(body.added.map((item: { memory: { content: string } }) => item.memory.content)).toEqual([
      'My sister Sarah moved to Denver in March.',
    ]);
    expect(body.skipped).toEqual([
      { index: 0, reason: 'system_prompt' },
      { index: 1, reason: 'filler' },
      { index: 3, reason: 'assistant_turn' },
      { index: 4, reason: 'filler' },
      { index: 5, reason: 'filler' },
    ]);
    expect(await contents('rules-1')).toEqual(['My sister Sarah moved to Denver in March.']);
  });

  it('skips bare questions by rule and keeps a question that states something', async () => {
    const body = (
      await process(withoutLlm, {
        user_id: 'rules-questions',
        messages: [
          { role: 'user', content: 'Where does my sister live now?' },
          { role: 'user', content: 'how old is Mia' },
          { role: 'user', content: 'I moved to Denver last week. Any good cafes there?' },
        ],
      })
    ).json();
    expect(body.skipped).toEqual([
      { index: 0, reason: 'question' },
      { index: 1, reason: 'question' },
    ]);
    expect(await contents('rules-questions')).toEqual([
      'I moved to Denver last week. Any good cafes there?',
    ]);
  });

  it('keeps created_at and returns entities when include_entities is set', async () => {
    const body = (
      await process(withoutLlm, {
        user_id: 'rules-2',
        include_entities: true,
        messages: [
          {
            role: 'user',
            content: 'My brother Tom works at Google in London.',
            created_at: '2023-05-01T10:00:00Z',
          },
        ],
      })
    ).json();
    expect(body.added[0].memory.created_at).toBe('2023-05-01T10:00:00.000Z');
    expect(body.added[0].entities.map((entity: { text: string }) => entity.text)).toEqual(
      expect.arrayContaining(['Tom', 'Google', 'London']),
    );
  });

  it('does not store a turn told twice', async () => {
    const payload = {
      user_id: 'rules-3',
      messages: [{ role: 'user', content: 'I adopted a cat named Miso last week.' }],
    };
    const first = (await process(withoutLlm, payload)).json();
    const second = (await process(withoutLlm, payload)).json();
    expect(first.added).toHaveLength(1);
    expect(second.added).toEqual([]);
    expect(second.skipped).toEqual([
      { index: 0, reason: 'already_stored', memory_id: first.added[0].memory.id },
    ]);
    expect(await contents('rules-3')).toHaveLength(1);
  });

  it('never stores recalled memories, whether in blocks, [recalled] lines or repeated by the user', async () => {
    const body = (
      await process(withoutLlm, {
        user_id: 'rules-4',
        messages: [
          {
            role: 'system',
            content:
              'Answer kindly.\n<memories>\n- Sarah lives in Denver.\n- I work as a nurse at Mercy Hospital.\n</memories>',
          },
          { role: 'user', content: '[recalled] I am allergic to peanuts.' },
          {
            role: 'user',
            content:
              '<memories>Sarah lives in Denver.</memories>\nI am flying to Denver on Friday.',
          },
          { role: 'user', content: 'I work as a nurse at Mercy Hospital' },
          { role: 'assistant', content: 'You work as a nurse at Mercy Hospital.' },
        ],
      })
    ).json();
    expect(await contents('rules-4')).toEqual(['I am flying to Denver on Friday.']);
    expect(body.skipped).toEqual([
      { index: 0, reason: 'system_prompt' },
      { index: 1, reason: 'recalled_context' },
      { index: 3, reason: 'recalled_context' },
      { index: 4, reason: 'recalled_context' },
    ]);
  });

  it('does not store a user turn that copies the system prompt', async () => {
    const system = 'You are Engram, a careful assistant that remembers what users tell you.';
    const body = (
      await process(withoutLlm, {
        user_id: 'rules-5',
        messages: [
          { role: 'system', content: system },
          { role: 'user', content: system },
        ],
      })
    ).json();
    expect(body.added).toEqual([]);
    expect(body.skipped).toEqual([
      { index: 0, reason: 'system_prompt' },
      { index: 1, reason: 'system_prompt' },
    ]);
  });

  it('rejects a message with an unknown role', async () => {
    const response = await process(withoutLlm, {
      messages: [{ role: 'tool', content: 'x' }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('invalid_input');
  });
});

describe('POST /conversations/process with an LLM', () => {
  it('adds the extracted facts, dated by the turn they came from', async () => {
    llmServer.enqueue(
      facts(
        { fact: 'I am vegetarian.', turn: 1 },
        { fact: 'I am training for the Berlin Marathon in September.', turn: 1 },
      ),
    );
    const body = (
      await process(withLlm, {
        user_id: 'llm-add',
        messages: [
          { role: 'user', content: 'hello' },
          {
            role: 'user',
            content: "I'm vegetarian, and I'm training for the Berlin Marathon in September!",
            created_at: '2024-02-03T08:00:00Z',
          },
        ],
      })
    ).json();
    expect(body.method).toBe('llm');
    expect(body.added.map((item: { memory: { content: string } }) => item.memory.content)).toEqual([
      'I am vegetarian.',
      'I am training for the Berlin Marathon in September.',
    ]);
    expect(body.added[0].memory.created_at).toBe('2024-02-03T08:00:00.000Z');
    expect(body.skipped).toEqual([{ index: 0, reason: 'filler' }]);
    expect(llmServer.requests).toHaveLength(1); // no similar memories: no decision call
  });

  it('rewrites a similar memory on UPDATE and keeps its history', async () => {
    const existing = (
      await post(t.app, '/memories', { content: 'I live in Boston.', user_id: 'llm-update' })
    ).json().memory;
    llmServer.enqueue(
      facts({ fact: 'I moved to Denver last month.', turn: 0 }),
      JSON.stringify({
        decisions: [
          {
            fact: 1,
            action: 'UPDATE',
            id: 'M1',
            text: 'I live in Denver; I moved there from Boston last month.',
          },
        ],
      }),
    );
    const body = (
      await process(withLlm, {
        user_id: 'llm-update',
        messages: [{ role: 'user', content: 'I moved to Denver last month.' }],
      })
    ).json();
    expect(body.added).toEqual([]);
    expect(body.updated).toHaveLength(1);
    expect(body.updated[0]).toMatchObject({
      previous_content: 'I live in Boston.',
      memory: {
        id: existing.id,
        content: 'I live in Denver; I moved there from Boston last month.',
      },
    });
    expect(promptText(1)).toContain('M1: I live in Boston.');
    const history = (
      await t.app.inject({ url: `/memories/${existing.id}/history?user_id=llm-update` })
    ).json();
    expect(history.events.map((event: { event: string }) => event.event)).toEqual([
      'add',
      'update',
    ]);
  });

  it('skips a fact on NOOP, so a fact told twice is stored once', async () => {
    llmServer.enqueue(facts({ fact: 'I love sushi.', turn: 0 }));
    const first = (
      await process(withLlm, {
        user_id: 'llm-noop',
        messages: [{ role: 'user', content: 'I love sushi.' }],
      })
    ).json();
    llmServer.enqueue(
      facts({ fact: 'I really love sushi.', turn: 0 }),
      JSON.stringify({ decisions: [{ fact: 1, action: 'NOOP', id: 'M1' }] }),
    );
    const second = (
      await process(withLlm, {
        user_id: 'llm-noop',
        messages: [{ role: 'user', content: 'Did I mention that I really love sushi?' }],
      })
    ).json();
    expect(second.added).toEqual([]);
    expect(second.skipped).toEqual([
      {
        index: 0,
        reason: 'noop',
        fact: 'I really love sushi.',
        memory_id: first.added[0].memory.id,
      },
    ]);
    expect(await contents('llm-noop')).toEqual(['I love sushi.']);
  });

  it('does not duplicate a fact the model wrongly decides to ADD again', async () => {
    llmServer.enqueue(facts({ fact: 'My dog is called Rex.', turn: 0 }));
    await process(withLlm, {
      user_id: 'llm-twice',
      messages: [{ role: 'user', content: 'My dog is called Rex.' }],
    });
    llmServer.enqueue(
      facts({ fact: 'My dog is called Rex.', turn: 0 }),
      JSON.stringify({ decisions: [{ fact: 1, action: 'ADD' }] }),
    );
    const second = (
      await process(withLlm, {
        user_id: 'llm-twice',
        messages: [{ role: 'user', content: 'As I said, my dog is called Rex.' }],
      })
    ).json();
    expect(second.added).toEqual([]);
    expect(second.skipped[0]).toMatchObject({ reason: 'already_stored' });
    expect(await contents('llm-twice')).toEqual(['My dog is called Rex.']);
  });

  it('treats an UPDATE naming a memory that was not offered as ADD', async () => {
    const other = (
      await post(t.app, '/memories', { content: 'I play the violin.', user_id: 'llm-other' })
    ).json().memory;
    await post(t.app, '/memories', { content: 'I play chess on Sundays.', user_id: 'llm-bad-id' });
    llmServer.enqueue(
      facts({ fact: 'I play tennis on Mondays.', turn: 0 }),
      JSON.stringify({
        decisions: [{ fact: 1, action: 'UPDATE', id: other.id, text: 'I play tennis.' }],
      }),
    );
    const body = (
      await process(withLlm, {
        user_id: 'llm-bad-id',
        messages: [{ role: 'user', content: 'I play tennis on Mondays now.' }],
      })
    ).json();
    expect(body.updated).toEqual([]);
    expect(body.added[0].memory.content).toBe('I play tennis on Mondays.');
    const untouched = (
      await t.app.inject({ url: `/memories/${other.id}?user_id=llm-other` })
    ).json();
    expect(untouched.memory.content).toBe('I play the violin.');
  });

  it('never shows the model recalled blocks or system text, and drops facts it copies from them', async () => {
    llmServer.enqueue(
      facts(
        { fact: 'I work as a nurse at Mercy Hospital.', turn: 1 },
        { fact: 'I am flying to Lisbon on Friday.', turn: 1 },
      ),
    );
    const body = (
      await process(withLlm, {
        user_id: 'llm-recalled',
        messages: [
          {
            role: 'system',
            content: 'Be brief.\n<memories>\n- I work as a nurse at Mercy Hospital.\n</memories>',
          },
          { role: 'user', content: 'I am flying to Lisbon on Friday.' },
        ],
      })
    ).json();
    expect(await contents('llm-recalled')).toEqual(['I am flying to Lisbon on Friday.']);
    expect(body.skipped).toContainEqual({
      index: 1,
      reason: 'recalled_context',
      fact: 'I work as a nurse at Mercy Hospital.',
    });
    expect(promptText(0)).not.toContain('Mercy Hospital');
    expect(promptText(0)).not.toContain('Be brief');
  });

  it('reads facts from fenced JSON with prose and trailing commas', async () => {
    llmServer.enqueue(
      'Sure! Here are the facts:\n```json\n{"facts": [{"fact": "I own a red Vespa.", "turn": 0},],}\n```\nHope that helps.',
    );
    const body = (
      await process(withLlm, {
        user_id: 'llm-fenced',
        messages: [{ role: 'user', content: 'I own a red Vespa.' }],
      })
    ).json();
    expect(body.method).toBe('llm');
    expect(body.added[0].memory.content).toBe('I own a red Vespa.');
  });

  it('asks again once when the answer is not JSON, then stores by rule', async () => {
    llmServer.enqueue('I cannot do that.', 'Still no JSON here.');
    const response = await process(withLlm, {
      user_id: 'llm-garbage',
      messages: [{ role: 'user', content: 'My favourite band is Radiohead.' }],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      method: 'rules',
      notice: expect.stringMatching(/LLM failed/),
    });
    expect(llmServer.requests).toHaveLength(2);
    expect(await contents('llm-garbage')).toEqual(['My favourite band is Radiohead.']);
  });

  it('stores by rule when the LLM answers 500', async () => {
    llmServer.setDefault({ status: 500, body: { error: 'boom' } });
    const response = await process(withLlm, {
      user_id: 'llm-500',
      messages: [{ role: 'user', content: 'I started a new job at Shopify.' }],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().method).toBe('rules');
    expect(await contents('llm-500')).toEqual(['I started a new job at Shopify.']);
  });

  it('stores by rule when the LLM times out', async () => {
    llmServer.setDefault({ content: facts(), delayMs: 3_000 });
    const response = await process(impatient, {
      user_id: 'llm-slow',
      messages: [{ role: 'user', content: 'My daughter Emma starts school in September.' }],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().method).toBe('rules');
    expect(await contents('llm-slow')).toEqual(['My daughter Emma starts school in September.']);
  });

  it('adds facts not already stored when the decision call fails', async () => {
    await post(t.app, '/memories', { content: 'I drink green tea.', user_id: 'llm-decide-fail' });
    llmServer.enqueue(
      facts(
        { fact: 'I drink green tea.', turn: 0 },
        { fact: 'I drink it every morning.', turn: 0 },
      ),
      { status: 500, body: {} },
      { status: 500, body: {} },
    );
    const body = (
      await process(withLlm, {
        user_id: 'llm-decide-fail',
        messages: [{ role: 'user', content: 'I drink green tea every morning.' }],
      })
    ).json();
    expect(body.notice).toMatch(/failed to compare/);
    expect(body.added.map((item: { memory: { content: string } }) => item.memory.content)).toEqual([
      'I drink it every morning.',
    ]);
    expect(body.skipped).toContainEqual(expect.objectContaining({ reason: 'noop' }));
  });
});

const SOURCE =
  'Sarah moved to Boston last spring. She works at Google now and loves her team. ' +
  'Her brother Tom lives in Denver and visits twice a year. The weather that spring was mild. ' +
  'They met Angela Merkel at a conference in Berlin. Everyone enjoyed the long dinner afterwards.';

describe('POST /summarize', () => {
  it('keeps every entity of the source in an extractive summary without an LLM', async () => {
    const response = await post(withoutLlm, '/summarize', {
      text: SOURCE,
      preserve_entities: true,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.method).toBe('extractive');
    expect(body.notice).toMatch(/No LLM/);
    expect(body.entities.length).toBeGreaterThanOrEqual(5);
    for (const name of body.entities) expect(body.summary).toContain(name);
    expect(body.compression_ratio).toBeLessThan(1);
  });

  it('keeps every entity with an LLM, appending names the model left out after one retry', async () => {
    llmServer.enqueue('Sarah moved to Boston and works at Google.', 'Sarah lives in Boston.');
    const body = (await post(withLlm, '/summarize', { text: SOURCE })).json();
    expect(body.method).toBe('llm');
    expect(body.missing_entities.length).toBeGreaterThan(0);
    for (const name of body.entities) expect(body.summary).toContain(name);
  });

  it('falls back to an extractive summary when the LLM fails', async () => {
    llmServer.setDefault({ status: 500, body: {} });
    const response = await post(withLlm, '/summarize', { text: SOURCE });
    expect(response.statusCode).toBe(200);
    expect(response.json().method).toBe('extractive');
  });

  it('rejects an empty text', async () => {
    expect((await post(withoutLlm, '/summarize', { text: '' })).statusCode).toBe(400);
  });
});

describe('OpenAPI', () => {
  it('documents the conversation routes under their tag', async () => {
    const spec = (await withoutLlm.inject({ url: '/docs/json' })).json();
    for (const path of ['/conversations/process', '/summarize', '/chat'])
      expect(spec.paths[path].post.tags).toEqual(['conversations']);
  });
});
