import { Type } from 'typebox';

const ScopeId = Type.String({ minLength: 1, maxLength: 256 });

export const ExportQuery = Type.Object({
  user_id: Type.Optional(ScopeId),
  agent_id: Type.Optional(ScopeId),
});

const EXAMPLE_EXPORT = [
  '{"kind":"header","format":"engram-export","version":1,"exported_at":"2026-05-01T10:00:00.000Z","user_id":"alice","agent_id":null}',
  '{"kind":"entity","id":"6f1c2a7e-2b0d-4d8e-9a34-1f0b5c9d7e21","user_id":"alice","agent_id":"","type":"PERSON","text":"Sarah","attributes":{},"metadata":{},"merged_into":null,"aliases":["sarah"],"created_at":"2026-05-01T10:00:00.000Z","updated_at":"2026-05-01T10:00:00.000Z"}',
  '{"kind":"memory","id":"0b7e5c1e-6f43-4c55-9a51-7c7a3f0d8d11","user_id":"alice","agent_id":"","session_id":"","memory_type":"ephemeral","content":"My sister Sarah lives in Boston.","metadata":{},"migrated_from":null,"expires_at":null,"created_at":"2026-05-01T10:00:00.000Z","updated_at":"2026-05-01T10:00:00.000Z","chunks":[],"mentions":[{"memory_id":"0b7e5c1e-6f43-4c55-9a51-7c7a3f0d8d11","entity_id":"6f1c2a7e-2b0d-4d8e-9a34-1f0b5c9d7e21","mention":"Sarah","start":10,"end":15,"confidence":0.9}]}',
  '{"kind":"relationship","id":"…","source_entity_id":"…","target_entity_id":"…","relation_type":"lives_in","metadata":{"confidence":0.8,"sentence":"…"},"memory_id":"…","valid_from":"…","valid_to":null,"created_at":"…","updated_at":"…","evidence":[{"memory_id":"…","sentence":"…","confidence":0.8}]}',
  '{"kind":"memory_history","memory_id":"…","user_id":"alice","agent_id":"","event":"add","old_content":null,"new_content":"…","metadata":{},"created_at":"…"}',
].join('\n');

export const ExportResponse = {
  200: {
    description:
      'JSON Lines: a versioned header line, then entities (with aliases; merged-away names carry merged_into), memories (with metadata, dates, expiry, chunks and mentions), relationships (with validity and evidence), memory_history and entity_history lines.',
    content: { 'application/x-ndjson': { schema: { type: 'string', examples: [EXAMPLE_EXPORT] } } },
  },
};

export const ImportResponse = Type.Object(
  {
    created: Type.Integer(),
    unchanged: Type.Integer(),
    failed: Type.Integer(),
    results: Type.Array(
      Type.Object({
        line: Type.Integer(),
        kind: Type.String(),
        status: Type.Union([
          Type.Literal('created'),
          Type.Literal('unchanged'),
          Type.Literal('error'),
        ]),
        id: Type.Optional(Type.String()),
        mapped_to: Type.Optional(
          Type.String({
            description:
              'The stored record this one matched (same name or content under another id)',
          }),
        ),
        error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
      }),
    ),
  },
  {
    examples: [
      {
        created: 2,
        unchanged: 1,
        failed: 1,
        results: [
          {
            line: 2,
            kind: 'entity',
            status: 'created',
            id: '6f1c2a7e-2b0d-4d8e-9a34-1f0b5c9d7e21',
          },
          {
            line: 3,
            kind: 'memory',
            status: 'unchanged',
            id: '0b7e5c1e-6f43-4c55-9a51-7c7a3f0d8d11',
          },
          {
            line: 4,
            kind: 'memory',
            status: 'error',
            error: { code: 'invalid_input', message: 'memory.content must be string' },
          },
        ],
      },
    ],
  },
);
