import { Type } from 'typebox';

const ScopeId = Type.String({ minLength: 1, maxLength: 256, examples: ['alice'] });

export const UserParams = Type.Object({ user_id: ScopeId });
export const AgentParams = Type.Object({ agent_id: ScopeId });

export const ForgetResponse = Type.Object(
  {
    job_id: Type.String({ description: 'The audit record of this forget job' }),
    scope_kind: Type.Union([Type.Literal('user'), Type.Literal('agent')]),
    status: Type.Union([Type.Literal('done'), Type.Literal('vectors')], {
      description:
        '`done`: nothing of the scope is left; `vectors` (202): the rows are gone and vector deletes are still queued (the reconciler finishes them)',
    }),
    forgotten: Type.Object({
      memories: Type.Integer(),
      vectors: Type.Integer(),
      entities: Type.Integer(),
      relationships: Type.Integer(),
      history: Type.Integer(),
    }),
  },
  {
    examples: [
      {
        job_id: '3f0c9a52-4c1e-4d0b-8f8e-9b1c2d3e4f50',
        scope_kind: 'user',
        status: 'done',
        forgotten: { memories: 120, vectors: 131, entities: 48, relationships: 37, history: 140 },
      },
    ],
  },
);
