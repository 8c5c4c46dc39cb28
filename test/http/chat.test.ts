import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { App } from '../../src/http/build-app.js';
import { type FakeLlmServer, startFakeLlmServer } from '../support/fake-llm-server.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { buildConversationApp, fakeLlm } from './conversation-app.js';

const chromaUrl = inject('chromaUrl');
let llmServer: FakeLlmServer;
let t: TestApp;
let withLlm: App;
let withOllama: App;
let withoutLlm: App;
let impatient: App;

beforeAll(async () => {
  llmServer = await startFakeLlmServer();
  t = await createTestApp({ chromaUrl });
  withLlm = await buildConversationApp(t, fakeLlm(llmServer.url));
  withOllama = await buildConversationApp(t, fakeLlm(llmServer.url, { provider: 'ollama' }));
  withoutLlm = await buildConversationApp(t);
  impatient = await buildConversationApp(t, fakeLlm(llmServer.url, { timeoutMs: 200 }));
});
afterAll(async () => {
  await Promise.all([withLlm, withOllama, withoutLlm, impatient].map((app) => app?.close()));
  await t?.close();
  await llmServer?.close();
});
beforeEach(() => llmServer.reset());

const chat = (app: App, payload: unknown) =>
  app.inject({ method: 'POST', url: '/chat', payload: payload as object });
const remember = async (content: string, userId: string): Promise<string> =>
  (
    await t.app.inject({ method: 'POST', url: '/memories', payload: { content, user_id: userId } })
  ).json().memory.id;
const lastPrompt = (): { role: string; content: string }[] =>
  (llmServer.requests.at(-1)?.body as { messages?: { role: string; content: string }[] })
    ?.messages ?? [];

describe('POST /chat without an LLM', () => {
  it('stores the message, retrieves memories and answers null with a notice', async () => {
    const sister = await remember('My sister Sarah lives in Denver.', 'chat-none');
    const response = await chat(withoutLlm, {
      message: 'I will visit Sarah in Denver in June.',
      user_id: 'chat-none',
      session_id: 's1',
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.response).toBeNull();
    expect(body.notice).toBe('no LLM is configured: set LLM_BASE_URL to get answers');
    expect(body.entities.map((entity: { text: string }) => entity.text)).toEqual(
      expect.arrayContaining(['Sarah', 'Denver']),
    );
    const ids = body.memories.map((result: { memory: { id: string } }) => result.memory.id);
    expect(ids).toContain(sister);
    expect(ids).not.toContain(body.memory_id);
    const stored = await t.app.inject({ url: `/memories/${body.memory_id}?user_id=chat-none` });
    expect(stored.json().memory).toMatchObject({
      content: 'I will visit Sarah in Denver in June.',
      session_id: 's1',
    });
  });

  it('does not store a bare question or an acknowledgement, and still retrieves for it', async () => {
    const sister = await remember('My sister Sarah lives in Denver.', 'chat-ask');
    const asked = (
      await chat(withoutLlm, { message: 'Where does my sister live now?', user_id: 'chat-ask' })
    ).json();
    expect(asked).toMatchObject({ memory_id: null, skipped: 'question', entities: [] });
    expect(asked.memories.map((result: { memory: { id: string } }) => result.memory.id)).toContain(
      sister,
    );
    const thanked = (await chat(withoutLlm, { message: 'ok thanks!', user_id: 'chat-ask' })).json();
    expect(thanked).toMatchObject({ memory_id: null, skipped: 'filler' });
    const listed = await t.app.inject({ url: '/memories?user_id=chat-ask' });
    expect(listed.json().memories.map((memory: { content: string }) => memory.content)).toEqual([
      'My sister Sarah lives in Denver.',
    ]);
  });

  it('rejects an empty message', async () => {
    const response = await chat(withoutLlm, { message: '', user_id: 'chat-none' });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('invalid_input');
  });
});

describe('POST /chat with an LLM', () => {
  it('answers grounded in the retrieved memories and lists the ids it cites', async () => {
    const job = await remember('Tom works at Google in London.', 'chat-llm');
    llmServer.enqueue(
      `Tom works at Google in London [memory:${job}]. He also likes tea [memory:00000000-0000-4000-8000-000000000000].`,
    );
    const body = (
      await chat(withLlm, {
        message: 'Where does Tom work?',
        user_id: 'chat-llm',
        history: [
          { role: 'user', content: 'Let us talk about my brother.' },
          { role: 'assistant', content: 'Sure.' },
        ],
      })
    ).json();
    expect(body.response).toContain('Tom works at Google');
    expect(body.cited_memory_ids).toEqual([job]);
    expect(body.notice).toBeUndefined();
    const prompt = lastPrompt();
    expect(prompt[0]?.role).toBe('system');
    expect(prompt[0]?.content).toContain(`[memory:${job}] `);
    expect(prompt[0]?.content).toContain('Google (ORG)');
    expect(prompt.slice(1).map((message) => message.content)).toEqual([
      'Let us talk about my brother.',
      'Sure.',
      'Where does Tom work?',
    ]);
  });

  it('speaks Ollama native /api/chat', async () => {
    llmServer.enqueue('You told me nothing about boats yet.');
    const body = (
      await chat(withOllama, { message: 'Do I own a boat?', user_id: 'chat-ollama' })
    ).json();
    expect(body.response).toBe('You told me nothing about boats yet.');
    expect(body.cited_memory_ids).toEqual([]);
    expect(llmServer.requests.at(-1)?.path).toBe('/api/chat');
  });

  it('still stores and retrieves when the LLM answers 500, with a notice instead of a 5xx', async () => {
    llmServer.setDefault({ status: 500, body: { error: 'boom' } });
    const response = await chat(withLlm, {
      message: 'My flight to Tokyo leaves on Monday.',
      user_id: 'chat-500',
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.response).toBeNull();
    expect(body.notice).toMatch(/LLM did not answer/);
    const stored = await t.app.inject({ url: `/memories/${body.memory_id}?user_id=chat-500` });
    expect(stored.statusCode).toBe(200);
  });

  it('answers null with a notice when the LLM times out', async () => {
    llmServer.setDefault({ content: 'too late', delayMs: 3_000 });
    const response = await chat(impatient, { message: 'I bought a bike.', user_id: 'chat-slow' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ response: null, notice: expect.any(String) });
  });
});
