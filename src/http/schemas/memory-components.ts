import { Type } from 'typebox';
import { ErrorBody, ref } from './common.js';
import { EntityJson, RelationshipJson } from './entity.js';
import { AddMemoryBody, MAX_BATCH_ITEMS, MemoryJson } from './memory.js';

// Named components of the OpenAPI document (`#/components/schemas/<$id>`); routes use `ref()`.

export const MemoryComponent = Type.Object(MemoryJson.properties, { $id: 'Memory' });
export const EntityComponent = Type.Object(EntityJson.properties, { $id: 'Entity' });
export const RelationshipComponent = Type.Object(RelationshipJson.properties, {
  $id: 'Relationship',
});

/** One item of a batch as the documentation shows it (the route validates items one by one). */
export const MemoryInput = Type.Object(AddMemoryBody.properties, {
  $id: 'MemoryInput',
  additionalProperties: false,
});

/** The batch body as documented; validation uses BatchBody, so a bad item sinks only itself. */
export const DocumentedBatchBody = Type.Object(
  {
    items: Type.Array(ref(MemoryInput), {
      minItems: 1,
      maxItems: MAX_BATCH_ITEMS,
      description:
        'Up to 1,000 bodies of POST /memories; each is validated on its own and a bad one gets an error result.',
    }),
  },
  { additionalProperties: false },
);

export const AddMemoryResponse = Type.Object(
  {
    memory: ref(MemoryComponent),
    created: Type.Boolean({ description: 'false when identical content was already stored' }),
    chunks: Type.Integer({ minimum: 0, description: 'search units the memory was split into' }),
    entities: Type.Array(ref(EntityComponent)),
    relationships: Type.Array(ref(RelationshipComponent)),
  },
  { $id: 'AddMemoryResponse' },
);

export const BatchItemResult = Type.Union(
  [
    Type.Object({
      index: Type.Integer({ minimum: 0 }),
      status: Type.Union([Type.Literal('created'), Type.Literal('duplicate')]),
      memory: ref(MemoryComponent),
    }),
    Type.Object({
      index: Type.Integer({ minimum: 0 }),
      status: Type.Literal('error'),
      error: ref(ErrorBody),
    }),
  ],
  { $id: 'BatchItemResult', description: 'The outcome of one item, at its index in the request' },
);

export const BatchResponse = Type.Object(
  { results: Type.Array(ref(BatchItemResult)) },
  { $id: 'BatchResponse' },
);

export const SearchResult = Type.Object(
  {
    memory: ref(MemoryComponent),
    score: Type.Number({ description: 'fused score in [0,1]' }),
    entities: Type.Array(ref(EntityComponent)),
    relationships: Type.Array(ref(RelationshipComponent)),
    superseded_by: Type.Optional(
      Type.String({
        description:
          'Set when every fact this memory asserted was later replaced (a move, a new job): the memory that replaced them, which ranks above this one.',
      }),
    ),
  },
  { $id: 'SearchResult' },
);

const FactEnd = Type.Object({
  id: Type.String(),
  type: Type.String(),
  text: Type.String(),
});

export const Fact = Type.Object(
  {
    relationship_id: Type.String(),
    source: FactEnd,
    relation_type: Type.String({ examples: ['works_for'] }),
    target: FactEnd,
    valid_from: Type.String({
      description:
        "when the fact started (the asserting memory's created_at, or the date it gives)",
    }),
    valid_to: Type.Union([Type.String(), Type.Null()]),
    current: Type.Boolean({ description: 'true: the fact held at as_of (or now)' }),
    memory_id: Type.Union([Type.String(), Type.Null()], {
      description: 'the memory that asserted the fact',
    }),
    replaced: Type.Optional(
      Type.Object(
        {
          relationship_id: Type.String(),
          target: Type.Optional(FactEnd),
          valid_from: Type.String(),
          valid_to: Type.Union([Type.String(), Type.Null()]),
          memory_id: Type.Union([Type.String(), Type.Null()]),
        },
        { description: 'the earlier value this fact closed, and the memory that had asserted it' },
      ),
    ),
  },
  {
    $id: 'Fact',
    description:
      'A relationship of an entity the query names (or of the speaker, for "my …" questions) that held at as_of',
    examples: [
      {
        relationship_id: '9b1c…',
        source: { id: '5d2e…', type: 'PERSON', text: 'sam' },
        relation_type: 'works_for',
        target: { id: '77aa…', type: 'ORG', text: 'Stripe' },
        valid_from: '2025-09-01T09:00:00.000Z',
        valid_to: null,
        current: true,
        memory_id: '0c41…',
        replaced: {
          relationship_id: '41f0…',
          target: { id: '12cd…', type: 'ORG', text: 'Microsoft' },
          valid_from: '2025-01-10T09:00:00.000Z',
          valid_to: '2025-09-01T09:00:00.000Z',
          memory_id: 'f3a9…',
        },
      },
    ],
  },
);

export const SearchResponse = Type.Object(
  {
    results: Type.Array(ref(SearchResult)),
    facts: Type.Array(ref(Fact), {
      description:
        'current facts (at as_of) about what the query names: what Zep/Graphiti call facts',
    }),
  },
  { $id: 'SearchResponse' },
);

export const HistoryEvent = Type.Object(
  {
    id: Type.Integer(),
    memory_id: Type.String(),
    event: Type.Union([Type.Literal('add'), Type.Literal('update'), Type.Literal('delete')]),
    old_content: Type.Union([Type.String(), Type.Null()]),
    new_content: Type.Union([Type.String(), Type.Null()]),
    created_at: Type.String(),
  },
  { $id: 'HistoryEvent' },
);

export const HistoryResponse = Type.Object(
  { events: Type.Array(ref(HistoryEvent)) },
  { $id: 'HistoryResponse' },
);

/** Every named schema the memory routes refer to, for `app.addSchema`. */
export const MEMORY_COMPONENTS = [
  ErrorBody,
  MemoryInput,
  MemoryComponent,
  EntityComponent,
  RelationshipComponent,
  AddMemoryResponse,
  BatchItemResult,
  BatchResponse,
  SearchResult,
  Fact,
  SearchResponse,
  HistoryEvent,
  HistoryResponse,
];
