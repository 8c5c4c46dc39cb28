import { Type } from 'typebox';
import { EntityJson, EntityTypeSchema } from './entity.js';

const ScopeId = Type.String({ minLength: 1, maxLength: 256 });
const Name = Type.String({ minLength: 1, maxLength: 256 });
const Id = Type.String({ format: 'uuid', examples: ['6f1c2a7e-2b0d-4d8e-9a34-1f0b5c9d7e21'] });

export const UpdateEntityBody = Type.Object(
  {
    name: Type.Optional(Name),
    type: Type.Optional(EntityTypeSchema),
    add_aliases: Type.Optional(Type.Array(Name, { maxItems: 100 })),
    remove_aliases: Type.Optional(Type.Array(Name, { maxItems: 100 })),
    user_id: Type.Optional(ScopeId),
    agent_id: Type.Optional(ScopeId),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    examples: [
      { name: 'Sam Carter', add_aliases: ['Sammy'], user_id: 'alice' },
      { type: 'ORG', remove_aliases: ['apple pie'], user_id: 'alice' },
    ],
  },
);

export const MergeEntityBody = Type.Object(
  {
    from_id: Type.Optional(Id),
    absorb_id: Type.Optional(Id),
    user_id: Type.Optional(ScopeId),
    agent_id: Type.Optional(ScopeId),
  },
  {
    additionalProperties: false,
    description:
      'The id to fold into the entity of the path, as `from_id` or `absorb_id` (exactly one).',
    examples: [{ from_id: '0b7e5c1e-6f43-4c55-9a51-7c7a3f0d8d11', user_id: 'alice' }],
  },
);

export const MergeJson = Type.Object({
  survivor_id: Type.String(),
  absorbed_id: Type.String(),
  mentions_moved: Type.Integer(),
  aliases_moved: Type.Integer(),
  relationships_moved: Type.Integer(),
  relationships_collapsed: Type.Integer({
    description: 'Duplicate edges folded into one and self-loops removed',
  }),
  relationships_closed: Type.Integer({
    description: 'Current single-valued facts closed by a later value of the survivor',
  }),
});

export const MergeResponse = Type.Object({ entity: EntityJson, merge: MergeJson });

export const DeleteEntityResponse = Type.Object({
  deleted: Type.Literal(true),
  entity_id: Type.String(),
  mentions_removed: Type.Integer(),
  relationships_removed: Type.Integer(),
});

export const EntityHistoryResponse = Type.Object({
  history: Type.Array(
    Type.Object({
      id: Type.Integer(),
      entity_id: Type.String(),
      event: Type.Union([
        Type.Literal('update'),
        Type.Literal('merge'),
        Type.Literal('merged_into'),
        Type.Literal('delete'),
      ]),
      details: Type.Record(Type.String(), Type.Unknown()),
      created_at: Type.String(),
    }),
  ),
});

/**
 * A conflict; about a merged-away entity (409 for writes, 301 for reads) it names the survivor in
 * `merged_into`.
 */
export const MergedBody = Type.Object({
  code: Type.String({ examples: ['conflict'] }),
  message: Type.String({ examples: ['entity 0b7e… was merged into 6f1c…'] }),
  merged_into: Type.Optional(
    Type.String({
      description: 'The surviving entity, when the id was merged into it',
      examples: ['6f1c2a7e-2b0d-4d8e-9a34-1f0b5c9d7e21'],
    }),
  ),
});
