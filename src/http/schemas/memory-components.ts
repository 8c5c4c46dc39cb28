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
  },
  { $id: 'SearchResult' },
);

export const SearchResponse = Type.Object(
  { results: Type.Array(ref(SearchResult)) },
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
  SearchResponse,
  HistoryEvent,
  HistoryResponse,
];
