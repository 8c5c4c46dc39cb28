import type { components, operations } from './generated/openapi.js';

/** The name of every server operation (the OpenAPI `operationId`, and the client's method). */
export type OperationId = keyof operations;

type JsonOf<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

/** The JSON request body of an operation. */
export type RequestBody<Op extends OperationId> = operations[Op] extends {
  requestBody: infer Body;
}
  ? JsonOf<Body>
  : never;

/** The query parameters of an operation; those the server defaults may be left out. */
export type QueryOf<Op extends OperationId> = Partial<
  NonNullable<operations[Op]['parameters']['query']>
>;

/** The JSON body of an operation's answer with the given status. */
export type ResponseOf<
  Op extends OperationId,
  Status extends number = 200,
> = operations[Op] extends {
  responses: infer Responses;
}
  ? Status extends keyof Responses
    ? JsonOf<Responses[Status]>
    : never
  : never;

type Schemas = components['schemas'];

export type Memory = Schemas['Memory'];
export type Entity = Schemas['Entity'];
export type Relationship = Schemas['Relationship'];
export type Fact = Schemas['Fact'];
export type SearchResult = Schemas['SearchResult'];
export type SearchResponse = Schemas['SearchResponse'];
export type AddMemoryResponse = Schemas['AddMemoryResponse'];
export type BatchResponse = Schemas['BatchResponse'];
export type BatchItemResult = Schemas['BatchItemResult'];
export type HistoryEvent = Schemas['HistoryEvent'];
export type ErrorBody = Schemas['ErrorBody'];
export type MemoryInput = Schemas['MemoryInput'];

export type AddMemoryBody = RequestBody<'addMemory'>;
export type UpdateMemoryBody = RequestBody<'updateMemory'>;
export type SearchBody = RequestBody<'searchMemories'>;
export type ChatBody = RequestBody<'chat'>;
export type ProcessConversationBody = RequestBody<'processConversation'>;
export type SummarizeBody = RequestBody<'summarize'>;
export type ConversationMessage = ProcessConversationBody['messages'][number];

/** `user_id` / `agent_id` of a read or delete: a memory is visible only in its own scope. */
export type Scope = QueryOf<'getMemory'>;
