import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ChatService } from '../../services/conversations/chat-service.js';
import type {
  ChatResult,
  ProcessConversationResult,
} from '../../services/conversations/conversation-inputs.js';
import type { ConversationService } from '../../services/conversations/conversation-service.js';
import type { SummaryService } from '../../services/conversations/summary-service.js';
import { requiredScopeIn } from '../access/request-scope.js';
import { presentEntity, presentMemory, presentResult } from '../presenters.js';
import { errorResponses } from '../schemas/common.js';
import {
  ChatBody,
  ChatResponse,
  ProcessConversationBody,
  ProcessConversationResponse,
  SummarizeBody,
  SummarizeResponse,
} from '../schemas/conversation.js';

interface Options {
  readonly conversations: ConversationService;
  readonly chat: ChatService;
  readonly summaries: SummaryService;
}

const tags = ['conversations'];

/** `/conversations/process`, `/summarize` and `/chat`: work with or without an LLM, never a 5xx for it. */
export const conversationRoutes: FastifyPluginAsyncTypebox<Options> = async (
  app,
  { conversations, chat, summaries },
) => {
  app.post(
    '/conversations/process',
    {
      schema: {
        tags,
        operationId: 'processConversation',
        summary:
          'Turn a conversation into memories: LLM fact extraction with ADD/UPDATE/NOOP, or informative user turns by rule',
        body: ProcessConversationBody,
        response: { 200: ProcessConversationResponse, ...errorResponses },
      },
    },
    async (request) => {
      const body = request.body;
      const result = await conversations.process({
        messages: body.messages.map((message) => ({
          role: message.role,
          content: message.content,
          ...(message.name ? { name: message.name } : {}),
          ...(message.created_at ? { createdAt: new Date(message.created_at) } : {}),
        })),
        scope: requiredScopeIn(request, body.user_id, body.agent_id),
        ...(body.session_id ? { sessionId: body.session_id } : {}),
        ...(body.memory_type ? { memoryType: body.memory_type } : {}),
        includeEntities: body.include_entities ?? false,
      });
      return presentProcessed(result);
    },
  );

  app.post(
    '/summarize',
    {
      schema: {
        tags,
        operationId: 'summarize',
        summary: 'Summarise a text keeping every entity name (LLM, or extractive without one)',
        body: SummarizeBody,
        response: { 200: SummarizeResponse, ...errorResponses },
      },
      config: { access: 'read' },
    },
    async (request) => {
      const result = await summaries.summarize(request.body.text, {
        preserveEntities: request.body.preserve_entities ?? true,
        maxSentences: request.body.max_sentences,
      });
      return {
        summary: result.summary,
        entities: result.entities,
        missing_entities: result.missingEntities,
        compression_ratio: result.compressionRatio,
        method: result.method,
        ...(result.notice ? { notice: result.notice } : {}),
      };
    },
  );

  app.post(
    '/chat',
    {
      schema: {
        tags,
        operationId: 'chat',
        summary:
          'Store a message, retrieve related memories with entities, and answer grounded in them with [memory:ID] citations',
        body: ChatBody,
        response: { 200: ChatResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { message, user_id, agent_id, session_id, history } = request.body;
      const result = await chat.chat({
        message,
        scope: requiredScopeIn(request, user_id, agent_id),
        ...(session_id ? { sessionId: session_id } : {}),
        ...(history ? { history } : {}),
      });
      return presentChat(result);
    },
  );
};

function presentProcessed(result: ProcessConversationResult) {
  return {
    added: result.added.map((item) => ({
      memory: presentMemory(item.memory),
      ...(item.entities ? { entities: item.entities.map(presentEntity) } : {}),
    })),
    updated: result.updated.map((item) => ({
      memory: presentMemory(item.memory),
      previous_content: item.previousContent,
    })),
    skipped: result.skipped.map((item) => ({
      index: item.index,
      reason: item.reason,
      ...(item.fact ? { fact: item.fact } : {}),
      ...(item.memoryId ? { memory_id: item.memoryId } : {}),
    })),
    method: result.method,
    ...(result.notice ? { notice: result.notice } : {}),
  };
}

function presentChat(result: ChatResult) {
  return {
    response: result.response,
    memory_id: result.memoryId,
    ...(result.skipped ? { skipped: result.skipped } : {}),
    entities: result.entities.map(presentEntity),
    memories: result.memories.map((found) => presentResult(found)),
    ...(result.citedMemoryIds ? { cited_memory_ids: [...result.citedMemoryIds] } : {}),
    ...(result.notice ? { notice: result.notice } : {}),
  };
}
