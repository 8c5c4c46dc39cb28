import { Type } from 'typebox';

/** Largest `offset` a list accepts (deeper pages are a full scan for Postgres). */
export const MAX_OFFSET = 100_000;

const Id = Type.String({ format: 'uuid', examples: ['0b7e5c1e-6f43-4c55-9a51-7c7a3f0d8d11'] });
const ScopeId = Type.String({ minLength: 1, maxLength: 256 });
export const MemoryTypeSchema = Type.Union(
  [Type.Literal('ephemeral'), Type.Literal('model_memory')],
  {
    examples: ['ephemeral'],
  },
);
const Metadata = Type.Record(Type.String(), Type.Unknown(), {
  description:
    'Free-form key/values. Extraction reads two keys: `speaker` (whom "I", "my" mean; default the user id) and `addressee` (whom "you", "your sister" and a called-out "Hi Mom!" mean).',
  examples: [{ source: 'chat', speaker: 'alice', addressee: 'assistant' }],
});

export const ScopeQuery = Type.Object({
  user_id: Type.Optional(ScopeId),
  agent_id: Type.Optional(ScopeId),
});

export const IdParams = Type.Object({ id: Id });

export const AddMemoryBody = Type.Object(
  {
    content: Type.String({
      minLength: 1,
      maxLength: 100_000,
      examples: ['My sister Sarah lives in Boston and works at Google.'],
    }),
    user_id: Type.Optional(ScopeId),
    agent_id: Type.Optional(ScopeId),
    session_id: Type.Optional(ScopeId),
    memory_type: Type.Optional(MemoryTypeSchema),
    metadata: Type.Optional(Metadata),
    created_at: Type.Optional(
      Type.String({ format: 'date-time', examples: ['2026-05-01T10:00:00Z'] }),
    ),
    expires_at: Type.Optional(
      Type.String({
        format: 'date-time',
        description:
          'When the memory leaves search and is deleted (in the future); or give ttl_seconds. Default: EPHEMERAL_TTL for ephemeral memories, else never.',
        examples: ['2026-06-01T00:00:00Z'],
      }),
    ),
    ttl_seconds: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 3_153_600_000,
        description: 'Lifetime from now in seconds; or give expires_at',
        examples: [86400],
      }),
    ),
  },
  { additionalProperties: false },
);

/** Most items one POST /memories/batch takes. */
export const MAX_BATCH_ITEMS = 1000;

export const BatchBody = Type.Object(
  {
    items: Type.Array(Type.Unknown(), {
      minItems: 1,
      maxItems: MAX_BATCH_ITEMS,
      description: 'Up to 1,000 bodies of POST /memories; each is validated on its own.',
    }),
  },
  { additionalProperties: false },
);

export const UpdateMemoryBody = Type.Object(
  {
    content: Type.Optional(Type.String({ minLength: 1, maxLength: 100_000 })),
    metadata: Type.Optional(Metadata),
    user_id: Type.Optional(ScopeId),
    agent_id: Type.Optional(ScopeId),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    examples: [{ content: 'Sarah moved to Denver.', user_id: 'alice' }],
  },
);

export const SearchBody = Type.Object(
  {
    query: Type.String({
      minLength: 1,
      maxLength: 10_000,
      examples: ['Where does my sister live?'],
    }),
    user_id: Type.Optional(ScopeId),
    agent_id: Type.Optional(ScopeId),
    session_id: Type.Optional(ScopeId),
    memory_type: Type.Optional(MemoryTypeSchema),
    metadata: Type.Optional(Metadata),
    created_after: Type.Optional(Type.String({ format: 'date-time' })),
    created_before: Type.Optional(Type.String({ format: 'date-time' })),
    top_k: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    score_threshold: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    as_of: Type.Optional(
      Type.String({
        format: 'date-time',
        description:
          'Search as things stood at this time: only memories created by then, and the facts that held then (default: now).',
        examples: ['2025-05-01T00:00:00Z'],
      }),
    ),
  },
  { additionalProperties: false },
);

export const ListQuery = Type.Object({
  user_id: Type.Optional(ScopeId),
  agent_id: Type.Optional(ScopeId),
  session_id: Type.Optional(ScopeId),
  memory_type: Type.Optional(MemoryTypeSchema),
  created_after: Type.Optional(
    Type.String({ format: 'date-time', description: 'Only memories created at or after this' }),
  ),
  created_before: Type.Optional(
    Type.String({ format: 'date-time', description: 'Only memories created before this' }),
  ),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  offset: Type.Integer({ minimum: 0, maximum: MAX_OFFSET, default: 0 }),
});

export const MemoryJson = Type.Object({
  id: Type.String(),
  content: Type.String(),
  user_id: Type.Union([Type.String(), Type.Null()]),
  agent_id: Type.Union([Type.String(), Type.Null()]),
  session_id: Type.Union([Type.String(), Type.Null()]),
  memory_type: MemoryTypeSchema,
  metadata: Type.Record(Type.String(), Type.Unknown()),
  parent_id: Type.Union([Type.String(), Type.Null()]),
  chunk_index: Type.Integer(),
  migrated_from: Type.Union([Type.String(), Type.Null()]),
  expires_at: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  created_at: Type.String(),
  updated_at: Type.String(),
});
