import { Type } from 'typebox';
import { EntityJson, RelationshipJson } from './entity.js';
import { MemoryJson } from './memory.js';

const ScopeId = Type.String({ minLength: 1, maxLength: 256 });
const Id = Type.String({ format: 'uuid', examples: ['0b7e5c1e-6f43-4c55-9a51-7c7a3f0d8d11'] });

export const ScopesQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
  offset: Type.Integer({ minimum: 0, default: 0 }),
});

export const ScopeJson = Type.Object(
  {
    user_id: Type.Union([Type.String(), Type.Null()]),
    agent_id: Type.Union([Type.String(), Type.Null()]),
    memories: Type.Integer(),
    entities: Type.Integer(),
    relationships: Type.Integer(),
    last_memory_at: Type.String(),
  },
  {
    examples: [
      {
        user_id: 'alice',
        agent_id: null,
        memories: 42,
        entities: 17,
        relationships: 9,
        last_memory_at: '2026-05-01T10:00:00.000Z',
      },
    ],
  },
);

export const ScopeGraphQuery = Type.Object({
  user_id: Type.Optional(ScopeId),
  agent_id: Type.Optional(ScopeId),
  as_of: Type.Optional(
    Type.String({
      format: 'date-time',
      description:
        'The graph as it stood then: entities created and relationships started by then; `current` says whether each held then (default: now, all relationships)',
      examples: ['2025-05-01T00:00:00Z'],
    }),
  ),
  limit: Type.Integer({
    minimum: 1,
    maximum: 5000,
    default: 1000,
    description: 'Most entities returned, the most mentioned first',
  }),
});

export const ScopeGraphJson = Type.Object({
  nodes: Type.Array(EntityJson, { description: 'Entities with mention_count' }),
  edges: Type.Array(RelationshipJson),
  total_entities: Type.Integer({ description: 'Entities in the scope (at as_of)' }),
  truncated: Type.Boolean({ description: 'True when nodes hold only the most mentioned ones' }),
});

export const MentionsQuery = Type.Object({
  user_id: Type.Optional(ScopeId),
  agent_id: Type.Optional(ScopeId),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
});

const Span = Type.Object({ start: Type.Integer(), end: Type.Integer() });

export const EntityMemoriesJson = Type.Object({
  memories: Type.Array(Type.Object({ memory: MemoryJson, spans: Type.Array(Span) })),
});

export const MemoryEntitiesJson = Type.Object({
  mentions: Type.Array(
    Type.Object({
      memory_id: Id,
      entity_id: Id,
      mention: Type.String(),
      start: Type.Integer(),
      end: Type.Integer(),
      confidence: Type.Number(),
    }),
    { description: 'Offsets are into the text of the row memory_id names (the memory or a chunk)' },
  ),
  entities: Type.Array(EntityJson),
  relationships: Type.Array(RelationshipJson),
});
