import type { LanguageModelV3GenerateResult } from '@ai-sdk/provider';
import { generateText, stepCountIs } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { engramTools, withMemories } from 'engram-ai-sdk';
import { EngramClient } from 'engram-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { useListeningApp } from '../../../test/support/use-listening-app.js';

const server = useListeningApp();
let client: EngramClient;
beforeAll(() => {
  client = new EngramClient({ baseUrl: server.url() });
});

const usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 5, text: 5, reasoning: undefined },
};

/** A model answer that calls one tool. */
function callsTool(toolName: string, input: object): LanguageModelV3GenerateResult {
  return {
    content: [
      { type: 'tool-call', toolCallId: `call-${toolName}`, toolName, input: JSON.stringify(input) },
    ],
    finishReason: { unified: 'tool-calls', raw: undefined },
    usage,
    warnings: [],
  };
}

function says(text: string): LanguageModelV3GenerateResult {
  return {
    content: [{ type: 'text', text }],
    finishReason: { unified: 'stop', raw: undefined },
    usage,
    warnings: [],
  };
}

describe('engramTools with generateText', () => {
  it('stores a memory when the model calls addMemory', async () => {
    const model = new MockLanguageModelV3({
      doGenerate: [
        callsTool('addMemory', { content: 'My sister Sarah lives in Boston.' }),
        says('Noted.'),
      ],
    });
    const result = await generateText({
      model,
      tools: engramTools({ client, userId: 'ai-alice' }),
      stopWhen: stepCountIs(3),
      prompt: 'Remember: my sister Sarah lives in Boston.',
    });
    expect(result.text).toBe('Noted.');
    expect(result.steps[0]?.toolResults[0]?.output).toMatchObject({
      stored: true,
      entities: expect.arrayContaining(['Sarah', 'Boston']),
    });
    const { memories } = await client.listMemories({ user_id: 'ai-alice' });
    expect(memories.map((memory) => memory.content)).toEqual(['My sister Sarah lives in Boston.']);
  });

  it('hands search results with entities and facts back to the model', async () => {
    await client.addMemory({ content: 'Tom works at Stripe in Dublin.', user_id: 'ai-bob' });
    const model = new MockLanguageModelV3({
      doGenerate: [
        callsTool('searchMemory', { query: 'Where does Tom work?' }),
        says('At Stripe.'),
      ],
    });
    const result = await generateText({
      model,
      tools: engramTools({ client, userId: 'ai-bob' }),
      stopWhen: stepCountIs(3),
      prompt: 'Where does Tom work?',
    });
    const output = result.steps[0]?.toolResults[0]?.output as {
      memories: { content: string; entities: string[] }[];
      facts: string[];
    };
    expect(output.memories[0]?.content).toBe('Tom works at Stripe in Dublin.');
    expect(output.memories[0]?.entities).toEqual(expect.arrayContaining(['Tom', 'Stripe']));
    expect(output.facts.join('\n')).toContain('Tom works_for Stripe');
    // The second model call saw the tool result in its prompt.
    expect(JSON.stringify(model.doGenerateCalls[1]?.prompt)).toContain(
      'Tom works at Stripe in Dublin.',
    );
  });
});

describe('withMemories', () => {
  it('appends what is remembered to the system prompt the model receives', async () => {
    await client.addMemory({ content: 'I am allergic to peanuts.', user_id: 'ai-carol' });
    const model = new MockLanguageModelV3({ doGenerate: says('Avoid the satay.') });
    const system = await withMemories({
      client,
      userId: 'ai-carol',
      query: 'What should I avoid eating?',
      system: 'You are a helpful cook.',
    });
    await generateText({ model, system, prompt: 'What should I avoid eating?' });
    const sent = model.doGenerateCalls[0]?.prompt[0];
    expect(sent?.role).toBe('system');
    expect(sent?.content).toMatch(
      /^You are a helpful cook\.\n\nWhat you remember about the user.*\n- I am allergic to peanuts\./s,
    );
  });

  it('leaves the system prompt alone when nothing is remembered', async () => {
    const system = await withMemories({
      client,
      userId: 'ai-nobody',
      query: 'anything',
      system: 'Hi.',
    });
    expect(system).toBe('Hi.');
  });
});
