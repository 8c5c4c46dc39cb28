import { Type } from 'typebox';
import { RELATION_TYPES } from '../../domain/relation-type.js';
import { MAX_OFFSET } from './memory.js';

export const EntityTypeSchema = Type.Union(
  ['PERSON', 'ORG', 'LOCATION', 'DATE', 'TIME', 'MONEY', 'PRODUCT', 'EVENT', 'MISC'].map((type) =>
    Type.Literal(type),
  ),
);

export const EntityJson = Type.Object({
  id: Type.String(),
  type: Type.String(),
  text: Type.String(),
  normalized_name: Type.String(),
  user_id: Type.Union([Type.String(), Type.Null()]),
  agent_id: Type.Union([Type.String(), Type.Null()]),
  attributes: Type.Record(Type.String(), Type.Unknown()),
  aliases: Type.Optional(Type.Array(Type.String())),
  mention_count: Type.Optional(Type.Integer()),
  created_at: Type.String(),
  updated_at: Type.String(),
});

export const RelationshipJson = Type.Object({
  id: Type.String(),
  source_entity_id: Type.String(),
  target_entity_id: Type.String(),
  relation_type: Type.String({
    description: `One of ${Object.keys(RELATION_TYPES).join(', ')}; or, for a generic relation, a verb lemma (e.g. visit).`,
    examples: ['works_for'],
  }),
  metadata: Type.Record(Type.String(), Type.Unknown()),
  memory_id: Type.Union([Type.String(), Type.Null()]),
  valid_from: Type.String(),
  valid_to: Type.Union([Type.String(), Type.Null()]),
  current: Type.Boolean(),
});

export const EntitySearchQuery = Type.Object({
  user_id: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
  agent_id: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 256, examples: ['sarah'] })),
  type: Type.Optional(EntityTypeSchema),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  offset: Type.Integer({ minimum: 0, maximum: MAX_OFFSET, default: 0 }),
});

export const RelationshipsQuery = Type.Object({
  user_id: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
  agent_id: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
  as_of: Type.Optional(
    Type.String({
      format: 'date-time',
      description:
        'Only the relationships that held at this time (default: all, current and closed)',
      examples: ['2025-05-01T00:00:00Z'],
    }),
  ),
});

export const GraphQuery = Type.Object({
  user_id: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
  agent_id: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
  depth: Type.Integer({ minimum: 1, maximum: 3, default: 1 }),
});
