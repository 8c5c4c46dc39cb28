import { Type } from 'typebox';
import { EntityJson, RelationshipJson } from './entity.js';
import { MemoryJson, MemoryTypeSchema } from './memory.js';

const ScopeId = Type.String({ minLength: 1, maxLength: 256 });
const Text = Type.String({ minLength: 1, maxLength: 100_000 });

const Message = Type.Object(
  {
    role: Type.Union([Type.Literal('system'), Type.Literal('user'), Type.Literal('assistant')]),
    content: Type.String({ maxLength: 100_000 }),
    name: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 256,
        description:
          'Who says it (default: the user for user turns, the agent for assistant turns); each stored turn is said to the nearest earlier other speaker',
      }),
    ),
    created_at: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);

export const ProcessConversationBody = Type.Object(
  {
    messages: Type.Array(Message, { minItems: 1, maxItems: 500 }),
    memory_type: Type.Optional(MemoryTypeSchema),
    include_entities: Type.Optional(Type.Boolean({ default: false })),
    user_id: Type.Optional(ScopeId),
    agent_id: Type.Optional(ScopeId),
    session_id: Type.Optional(ScopeId),
  },
  {
    additionalProperties: false,
    examples: [
      {
        user_id: 'alice',
        session_id: 'trip-planning',
        include_entities: true,
        messages: [
          { role: 'system', content: 'You are a travel assistant.' },
          { role: 'user', content: 'Hi!' },
          {
            role: 'user',
            content: 'My sister Sarah moved to Denver and I am visiting her in June.',
            created_at: '2026-05-01T10:00:00Z',
          },
          { role: 'assistant', content: 'Nice! Do you want flight options?' },
        ],
      },
    ],
  },
);

const SkipReasonSchema = Type.Union([
  Type.Literal('system_prompt'),
  Type.Literal('assistant_turn'),
  Type.Literal('empty'),
  Type.Literal('filler'),
  Type.Literal('question'),
  Type.Literal('recalled_context'),
  Type.Literal('already_stored'),
  Type.Literal('no_durable_fact'),
  Type.Literal('noop'),
]);

export const ProcessConversationResponse = Type.Object({
  added: Type.Array(
    Type.Object({ memory: MemoryJson, entities: Type.Optional(Type.Array(EntityJson)) }),
  ),
  updated: Type.Array(Type.Object({ memory: MemoryJson, previous_content: Type.String() })),
  skipped: Type.Array(
    Type.Object({
      index: Type.Integer({ description: 'index of the message in the request' }),
      reason: SkipReasonSchema,
      fact: Type.Optional(Type.String()),
      memory_id: Type.Optional(Type.String()),
    }),
  ),
  method: Type.Union([Type.Literal('llm'), Type.Literal('rules')]),
  notice: Type.Optional(Type.String()),
});

export const SummarizeBody = Type.Object(
  {
    text: Text,
    preserve_entities: Type.Optional(Type.Boolean({ default: true })),
    max_sentences: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  {
    additionalProperties: false,
    examples: [
      {
        text: 'Sarah moved to Boston last spring. She works at Google now. Her brother Tom lives in Denver. The weather was mild.',
        preserve_entities: true,
      },
    ],
  },
);

export const SummarizeResponse = Type.Object({
  summary: Type.String(),
  entities: Type.Array(Type.String()),
  missing_entities: Type.Array(Type.String()),
  compression_ratio: Type.Number(),
  method: Type.Union([Type.Literal('llm'), Type.Literal('extractive')]),
  notice: Type.Optional(Type.String()),
});

export const ChatBody = Type.Object(
  {
    message: Text,
    user_id: Type.Optional(ScopeId),
    agent_id: Type.Optional(ScopeId),
    session_id: Type.Optional(ScopeId),
    history: Type.Optional(
      Type.Array(
        Type.Object(
          {
            role: Type.Union([Type.Literal('user'), Type.Literal('assistant')]),
            content: Type.String({ maxLength: 100_000 }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 200 },
      ),
    ),
  },
  {
    additionalProperties: false,
    examples: [{ message: 'Where does my sister live now?', user_id: 'alice', session_id: 's1' }],
  },
);

export const ChatResponse = Type.Object({
  response: Type.Union([Type.String(), Type.Null()]),
  memory_id: Type.Union([Type.String(), Type.Null()], {
    description: 'the stored message; null when it was not stored',
  }),
  skipped: Type.Optional(
    Type.Union([Type.Literal('empty'), Type.Literal('filler'), Type.Literal('question')], {
      description:
        'why the message was not stored: the same rule as /conversations/process (greetings, acknowledgements, bare questions)',
    }),
  ),
  entities: Type.Array(EntityJson),
  memories: Type.Array(
    Type.Object({
      memory: MemoryJson,
      score: Type.Number(),
      entities: Type.Array(EntityJson),
      relationships: Type.Array(RelationshipJson),
    }),
  ),
  cited_memory_ids: Type.Optional(Type.Array(Type.String())),
  notice: Type.Optional(Type.String()),
});
