import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LlmEntityExtractor } from '../../../src/adapters/extraction-llm/llm-entity-extractor.js';
import { OllamaChatLlm } from '../../../src/adapters/llm/ollama-chat-llm.js';
import { OpenAiChatLlm } from '../../../src/adapters/llm/openai-chat-llm.js';
import type { Llm } from '../../../src/ports/llm.js';
import { CapitalisedWordExtractor } from '../../support/capitalised-word-extractor.js';
import { type FakeLlmServer, startFakeLlmServer } from '../../support/fake-llm-server.js';

let server: FakeLlmServer;
let fallback: CapitalisedWordExtractor;
let warnings: { details: Record<string, unknown>; message: string }[];

beforeAll(async () => {
  server = await startFakeLlmServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.reset();
  fallback = new CapitalisedWordExtractor();
  warnings = [];
});

function openAi(timeoutMs = 5_000): Llm {
  return new OpenAiChatLlm({
    baseUrl: `${server.url}/v1`,
    model: 'extractor-model',
    timeoutMs,
    maxRetries: 1,
    sleep: async () => {},
  });
}

function extractor(llm: Llm = openAi(), confidenceThreshold = 0.5) {
  return new LlmEntityExtractor({
    llm,
    fallback,
    confidenceThreshold,
    logger: { warn: (details, message) => warnings.push({ details, message }) },
  });
}

function answer(value: object): string {
  return JSON.stringify(value);
}

const SPEC_SENTENCE = 'John works for Microsoft in Seattle';
const SPEC_ANSWER = answer({
  entities: [
    { text: 'John', type: 'PERSON', confidence: 0.95 },
    { text: 'Microsoft', type: 'ORG', confidence: 0.9 },
    { text: 'Seattle', type: 'LOCATION', confidence: 0.9 },
  ],
  relations: [{ source: 'John', target: 'Microsoft', type: 'works_for', confidence: 0.8 }],
});

describe('LlmEntityExtractor with a well-behaved model', () => {
  it('maps the spec sentence to spans in order with its relation', async () => {
    server.enqueue(SPEC_ANSWER);
    const extraction = await extractor().extract(SPEC_SENTENCE);
    expect(extraction.entities).toEqual([
      { text: 'John', type: 'PERSON', start: 0, end: 4, confidence: 0.95 },
      { text: 'Microsoft', type: 'ORG', start: 15, end: 24, confidence: 0.9 },
      { text: 'Seattle', type: 'LOCATION', start: 28, end: 35, confidence: 0.9 },
    ]);
    expect(extraction.relations).toEqual([
      {
        sourceIndex: 0,
        targetIndex: 1,
        type: 'works_for',
        confidence: 0.8,
        sentence: SPEC_SENTENCE,
      },
    ]);
    expect(fallback.calls).toEqual([]);
  });

  it('asks for JSON at temperature 0 and sends the text', async () => {
    server.enqueue(SPEC_ANSWER);
    await extractor().extract(SPEC_SENTENCE);
    const body = server.requests[0]?.body as { messages: { content: string }[] };
    expect(body).toMatchObject({ response_format: { type: 'json_object' }, temperature: 0 });
    expect(body.messages.at(-1)?.content).toContain(SPEC_SENTENCE);
  });

  it('works through the Ollama native API too', async () => {
    server.enqueue(SPEC_ANSWER);
    const llm = new OllamaChatLlm({
      baseUrl: server.url,
      model: 'm',
      timeoutMs: 5_000,
      maxRetries: 0,
    });
    const extraction = await extractor(llm).extract(SPEC_SENTENCE);
    expect(extraction.entities.map((entity) => entity.text)).toEqual([
      'John',
      'Microsoft',
      'Seattle',
    ]);
    expect(server.requests[0]?.path).toBe('/api/chat');
  });

  it('parses JSON wrapped in a fence with prose around it', async () => {
    server.enqueue(`Sure, here it is:\n\`\`\`json\n${SPEC_ANSWER}\n\`\`\`\nHope this helps!`);
    const extraction = await extractor().extract(SPEC_SENTENCE);
    expect(extraction.entities).toHaveLength(3);
    expect(fallback.calls).toEqual([]);
  });

  it('parses JSON with trailing commas', async () => {
    server.enqueue(
      '{"entities": [{"text": "John", "type": "PERSON",}, {"text": "Seattle", "type": "LOCATION"},], "relations": [],}',
    );
    const extraction = await extractor().extract(SPEC_SENTENCE);
    expect(extraction.entities.map((entity) => entity.text)).toEqual(['John', 'Seattle']);
  });

  it('drops entities whose text is not in the source, and their relations', async () => {
    server.enqueue(
      answer({
        entities: [
          { text: 'John', type: 'PERSON' },
          { text: 'Microsoft Corporation', type: 'ORG' },
        ],
        relations: [{ source: 'John', target: 'Microsoft Corporation', type: 'works_for' }],
      }),
    );
    const extraction = await extractor().extract(SPEC_SENTENCE);
    expect(extraction.entities.map((entity) => entity.text)).toEqual(['John']);
    expect(extraction.relations).toEqual([]);
  });

  it('places a repeated name at its next occurrence after the previous match', async () => {
    const text = 'Sarah met Tom. Later Sarah called Tom again.';
    server.enqueue(
      answer({
        entities: ['Sarah', 'Tom', 'Sarah', 'Tom'].map((name) => ({ text: name, type: 'PERSON' })),
      }),
    );
    const extraction = await extractor().extract(text);
    expect(extraction.entities.map((entity) => entity.start)).toEqual([0, 10, 21, 34]);
  });

  it('finds names listed out of order and returns them sorted by start', async () => {
    server.enqueue(
      answer({
        entities: [
          { text: 'Seattle', type: 'LOCATION' },
          { text: 'John', type: 'PERSON' },
        ],
      }),
    );
    const extraction = await extractor().extract(SPEC_SENTENCE);
    expect(extraction.entities.map((entity) => entity.text)).toEqual(['John', 'Seattle']);
  });

  it('matches case-insensitively and keeps the source spelling', async () => {
    server.enqueue(answer({ entities: [{ text: 'microsoft', type: 'ORG' }] }));
    const extraction = await extractor().extract(SPEC_SENTENCE);
    expect(extraction.entities[0]).toMatchObject({ text: 'Microsoft', start: 15, end: 24 });
  });

  it('matches whole words only', async () => {
    server.enqueue(answer({ entities: [{ text: 'Al', type: 'PERSON' }] }));
    const extraction = await extractor().extract('Also, Al came by.');
    expect(extraction.entities[0]).toMatchObject({ text: 'Al', start: 6, end: 8 });
  });

  it('maps type synonyms and drops unknown types', async () => {
    server.enqueue(
      answer({
        entities: [
          { text: 'John', type: 'PER' },
          { text: 'Microsoft', type: 'Organization' },
          { text: 'Seattle', type: 'GPE' },
          { text: 'works', type: 'VERB' },
        ],
      }),
    );
    const extraction = await extractor().extract(SPEC_SENTENCE);
    expect(extraction.entities.map((entity) => entity.type)).toEqual(['PERSON', 'ORG', 'LOCATION']);
  });

  it('drops entities rated below the confidence threshold', async () => {
    server.enqueue(
      answer({
        entities: [
          { text: 'John', type: 'PERSON', confidence: 0.9 },
          { text: 'Seattle', type: 'LOCATION', confidence: 0.3 },
        ],
      }),
    );
    const extraction = await extractor(openAi(), 0.5).extract(SPEC_SENTENCE);
    expect(extraction.entities.map((entity) => entity.text)).toEqual(['John']);
    expect(fallback.calls).toEqual([]);
  });

  it('normalises relation types to snake_case', async () => {
    server.enqueue(
      answer({
        entities: [
          { text: 'John', type: 'PERSON' },
          { text: 'Microsoft', type: 'ORG' },
        ],
        relations: [{ subject: 'John', object: 'Microsoft', relation: 'Works For' }],
      }),
    );
    const extraction = await extractor().extract(SPEC_SENTENCE);
    expect(extraction.relations[0]?.type).toBe('works_for');
  });
});

describe('LlmEntityExtractor and the speaker', () => {
  const text = 'My sister Sarah lives in Boston.';
  const sisterAnswer = answer({
    entities: [
      { text: 'I', type: 'PERSON' },
      { text: 'Sarah', type: 'PERSON' },
      { text: 'Boston', type: 'LOCATION' },
    ],
    relations: [
      { source: 'I', target: 'Sarah', type: 'sibling_of' },
      { source: 'Sarah', target: 'Boston', type: 'lives_in' },
    ],
  });

  it('resolves first person to the speaker with the pronoun span', async () => {
    server.enqueue(sisterAnswer);
    const extraction = await extractor().extract(text, { speaker: 'Caroline' });
    expect(extraction.entities[0]).toEqual({
      text: 'Caroline',
      type: 'PERSON',
      start: 0,
      end: 2,
      confidence: 1,
      isSpeaker: true,
    });
    expect(
      extraction.relations.map((relation) => [
        relation.sourceIndex,
        relation.type,
        relation.targetIndex,
      ]),
    ).toEqual([
      [0, 'sibling_of', 1],
      [1, 'lives_in', 2],
    ]);
  });

  it('drops first-person entities and their relations without a speaker', async () => {
    server.enqueue(sisterAnswer);
    const extraction = await extractor().extract(text);
    expect(extraction.entities.map((entity) => entity.text)).toEqual(['Sarah', 'Boston']);
    expect(extraction.relations.map((relation) => relation.type)).toEqual(['lives_in']);
  });

  it('adds the speaker when only a relation names "I"', async () => {
    server.enqueue(
      answer({
        entities: [{ text: 'Sarah', type: 'PERSON' }],
        relations: [{ source: 'I', target: 'Sarah', type: 'sibling_of' }],
      }),
    );
    const extraction = await extractor().extract(text, { speaker: 'Caroline' });
    expect(extraction.entities.map((entity) => entity.text)).toEqual(['Caroline', 'Sarah']);
    expect(extraction.relations).toMatchObject([
      { sourceIndex: 0, targetIndex: 1, type: 'sibling_of' },
    ]);
  });
});

describe('LlmEntityExtractor falls back and logs why', () => {
  async function expectFallback(reason: string) {
    const extraction = await extractor(openAi(200)).extract(SPEC_SENTENCE);
    expect(fallback.calls).toEqual([SPEC_SENTENCE]);
    expect(extraction.entities.map((entity) => entity.text)).toEqual([
      'John',
      'Microsoft',
      'Seattle',
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.details['reason']).toBe(reason);
    expect(JSON.stringify(warnings)).not.toContain('Seattle');
  }

  it('when the server keeps answering 500', async () => {
    server.setDefault({ status: 500, body: { error: 'down' } });
    await expectFallback('upstream_unavailable');
    expect(server.requests).toHaveLength(2);
  });

  it('when the answer is slower than the timeout', async () => {
    server.enqueue({ content: SPEC_ANSWER, delayMs: 3_000 });
    await expectFallback('upstream_unavailable');
  });

  it('when the answer is prose without JSON', async () => {
    server.enqueue('I found John, Microsoft and Seattle.');
    await expectFallback('unparsable');
  });

  it('when the JSON has the wrong shape', async () => {
    server.enqueue(answer({ people: ['John'] }));
    await expectFallback('invalid_structure');
  });

  it('when no named entity can be found in the text', async () => {
    server.enqueue(answer({ entities: [{ text: 'Bill Gates', type: 'PERSON' }] }));
    await expectFallback('unlocatable');
  });
});

it('answers an empty text without calling the model', async () => {
  const extraction = await extractor().extract('   ');
  expect(extraction).toEqual({ entities: [], relations: [] });
  expect(server.requests).toHaveLength(0);
});
