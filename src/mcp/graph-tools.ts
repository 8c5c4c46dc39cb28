import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { anId, guarded, result, scopeId, scopeShape, type ToolContext } from './tool-context.js';
import { entityLabel, memoryLine, relationshipLine } from './tool-text.js';

/** get_entity: an entity by name or id, its relationships and its neighbourhood. */
export function getEntityTool(server: McpServer, { client, scope }: ToolContext) {
  server.registerTool(
    'get_entity',
    {
      title: 'Get entity',
      description:
        'Look up a person, place, organisation or other entity by name (or id): its relationships, current and past, and its neighbourhood in the knowledge graph.',
      inputSchema: {
        name: z.string().min(1).max(256).optional().describe('Name or alias (prefix match)'),
        entity_id: anId.optional().describe('An entity id, instead of a name'),
        depth: z
          .number()
          .int()
          .min(1)
          .max(3)
          .optional()
          .describe('Neighbourhood depth (default 1)'),
        ...scopeShape,
      },
      annotations: { readOnlyHint: true },
    },
    (args) =>
      guarded(async () => {
        if (!args.entity_id && !args.name) {
          return {
            isError: true,
            content: [{ type: 'text', text: 'give a name or an entity_id' }],
          };
        }
        const found = args.entity_id
          ? undefined
          : (await client.searchEntities({ ...scope(args), name: args.name ?? '', limit: 1 }))
              .entities[0];
        const id = args.entity_id ?? found?.id;
        if (!id) return result(`No entity named "${args.name ?? ''}".`, { entity: null });
        const related = await client.getEntityRelationships(id, scope(args));
        const graph = await client.getEntityGraph(id, { ...scope(args), depth: args.depth ?? 1 });
        const known = [...related.entities, ...graph.nodes];
        const lines = [
          `${entityLabel(related.entity)} [${related.entity.id}]`,
          ...related.relationships.map((edge) => relationshipLine(edge, known)),
          `Neighbourhood: ${graph.nodes.map(entityLabel).join(', ') || 'none'}`,
        ];
        return result(lines.join('\n'), { ...related, graph });
      }),
  );
}

/** process_conversation: messages in, memories out. */
export function processConversationTool(server: McpServer, { client, scope }: ToolContext) {
  server.registerTool(
    'process_conversation',
    {
      title: 'Process conversation',
      description:
        'Turn a conversation (a list of messages) into memories: durable facts the user stated are stored, greetings, questions and assistant turns are skipped.',
      inputSchema: {
        messages: z
          .array(
            z.object({
              role: z.enum(['system', 'user', 'assistant']),
              content: z.string().max(100_000),
            }),
          )
          .min(1)
          .max(500),
        session_id: scopeId.optional(),
        ...scopeShape,
      },
    },
    (args) =>
      guarded(async () => {
        const processed = await client.processConversation({
          messages: args.messages,
          ...scope(args),
          ...(args.session_id ? { session_id: args.session_id } : {}),
        });
        const { added, updated, skipped, method } = processed;
        const lines = [
          `Added ${added.length}, updated ${updated.length}, skipped ${skipped.length} (${method}).`,
          ...added.map((item) => `+ ${memoryLine(item.memory)}`),
          ...updated.map((item) => `~ ${memoryLine(item.memory)}`),
        ];
        return result(lines.join('\n'), processed);
      }),
  );
}

/** summarize: a text, shorter, with its entity names kept. */
export function summarizeTool(server: McpServer, { client }: ToolContext) {
  server.registerTool(
    'summarize',
    {
      title: 'Summarise',
      description: 'Summarise a text, keeping the names of its people, places and organisations.',
      inputSchema: {
        text: z.string().min(1).max(100_000),
        max_sentences: z.number().int().min(1).max(100).optional(),
      },
      annotations: { readOnlyHint: true },
    },
    (args) =>
      guarded(async () => {
        const summary = await client.summarize({
          text: args.text,
          ...(args.max_sentences ? { max_sentences: args.max_sentences } : {}),
        });
        return result(summary.summary, summary);
      }),
  );
}
