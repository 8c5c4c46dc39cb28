import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OpenAiChatLlm } from '../../../src/adapters/llm/openai-chat-llm.js';
import { mentionsName } from '../../../src/services/conversations/summary-sentences.js';
import { SummaryService } from '../../../src/services/conversations/summary-service.js';
import { CapitalisedWordExtractor } from '../../support/capitalised-word-extractor.js';
import { type FakeLlmServer, startFakeLlmServer } from '../../support/fake-llm-server.js';

const SOURCE =
  'Sarah moved to Boston last spring. She works at Google now. Her brother Tom lives in Denver and visits often. The weather in spring was mild.';

let server: FakeLlmServer;
let warnings: string[];
beforeAll(async () => {
  server = await startFakeLlmServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.reset();
  warnings = [];
});

function summaries(timeoutMs = 5_000) {
  const llm = new OpenAiChatLlm({
    baseUrl: `${server.url}/v1`,
    model: 'summary-model',
    timeoutMs,
    maxRetries: 1,
    sleep: async () => {},
  });
  return new SummaryService({
    extractor: new CapitalisedWordExtractor(),
    llm,
    logger: { warn: (_details, message) => warnings.push(message) },
  });
}

function promptOf(index: number): string {
  const body = server.requests[index]?.body as { messages: { content: string }[] };
  return body.messages.at(-1)?.content ?? '';
}

describe('SummaryService with an LLM', () => {
  it('returns the model summary when it keeps every entity', async () => {
    server.enqueue('Sarah moved to Boston and works at Google; her brother Tom lives in Denver.');
    const result = await summaries().summarize(SOURCE, { preserveEntities: true });
    expect(result.method).toBe('llm');
    expect(result.summary).toBe(
      'Sarah moved to Boston and works at Google; her brother Tom lives in Denver.',
    );
    expect(result.missingEntities).toEqual([]);
    expect(result.notice).toBeUndefined();
    expect(server.requests).toHaveLength(1);
  });

  it('asks for the entity names and the sentence limit in the prompt', async () => {
    server.enqueue('Sarah, Boston, Google, Tom and Denver.');
    await summaries().summarize(SOURCE, { preserveEntities: true, maxSentences: 2 });
    const prompt = promptOf(0);
    expect(prompt).toContain('at most 2 sentences');
    for (const name of ['Sarah', 'Boston', 'Google', 'Tom', 'Denver'])
      expect(prompt).toContain(name);
  });

  it('retries once with a stricter prompt naming what was missing', async () => {
    server.enqueue(
      'Sarah moved to Boston.',
      'Sarah moved to Boston, works at Google; Tom lives in Denver.',
    );
    const result = await summaries().summarize(SOURCE, { preserveEntities: true });
    expect(server.requests).toHaveLength(2);
    expect(promptOf(1)).toMatch(/leaves out: Google, Tom, Denver/);
    expect(result.summary).toBe('Sarah moved to Boston, works at Google; Tom lives in Denver.');
    expect(result.missingEntities).toEqual([]);
  });

  it('appends names still missing after the retry', async () => {
    server.enqueue('Sarah moved to Boston.', 'Sarah moved to Boston and works at Google.');
    const result = await summaries().summarize(SOURCE, { preserveEntities: true });
    expect(server.requests).toHaveLength(2);
    expect(result.missingEntities).toEqual(['Tom', 'Denver']);
    expect(result.summary).toBe(
      'Sarah moved to Boston and works at Google.\nAlso mentioned: Tom, Denver.',
    );
    for (const name of result.entities) expect(mentionsName(result.summary, name)).toBe(true);
  });

  it('does not check names when preserveEntities is false', async () => {
    server.enqueue('Someone moved.');
    const result = await summaries().summarize(SOURCE, { preserveEntities: false });
    expect(result.summary).toBe('Someone moved.');
    expect(server.requests).toHaveLength(1);
  });

  it('strips a fence and a "Summary:" label', async () => {
    server.enqueue('```\nSummary: Sarah, Boston, Google, Tom, Denver.\n```');
    const result = await summaries().summarize(SOURCE, { preserveEntities: true });
    expect(result.summary).toBe('Sarah, Boston, Google, Tom, Denver.');
  });

  it('falls back to an extractive summary keeping every entity when the LLM is down', async () => {
    server.setDefault({ status: 500, body: { error: 'down' } });
    const result = await summaries().summarize(SOURCE, { preserveEntities: true, maxSentences: 1 });
    expect(result.method).toBe('extractive');
    expect(result.notice).toMatch(/extractive/);
    for (const name of result.entities) expect(mentionsName(result.summary, name)).toBe(true);
    expect(warnings).toEqual(['llm summary failed; using extractive summary']);
  });

  it('falls back to an extractive summary when the LLM is too slow', async () => {
    server.enqueue({ content: 'too late', delayMs: 3_000 });
    const result = await summaries(150).summarize(SOURCE, { preserveEntities: true });
    expect(result.method).toBe('extractive');
  });

  it('falls back to an extractive summary when the LLM answers nothing', async () => {
    server.enqueue('   ');
    const result = await summaries().summarize(SOURCE, { preserveEntities: true });
    expect(result.method).toBe('extractive');
  });
});
