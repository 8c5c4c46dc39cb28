import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ScopeTransfer } from '../../services/archive/scope-transfer.js';
import { tenantOf } from '../access/request-scope.js';
import { ExportQuery, ExportResponse, ImportResponse } from '../schemas/archive.js';
import { errorResponses } from '../schemas/common.js';

interface Options {
  readonly transfer: ScopeTransfer;
  /** Largest accepted import body in bytes. */
  readonly importLimitBytes: number;
}

const tags = ['memories'];
const JSON_LINES = ['application/x-ndjson', 'application/jsonl', 'text/plain'];

/** `GET /export` and `POST /import`: one scope as JSON Lines, out and back in. */
export const archiveRoutes: FastifyPluginAsyncTypebox<Options> = async (
  app,
  { transfer, importLimitBytes },
) => {
  app.addContentTypeParser(
    JSON_LINES,
    { parseAs: 'string', bodyLimit: importLimitBytes },
    (_request, body, done) => done(null, body),
  );

  app.get(
    '/export',
    {
      schema: {
        tags,
        operationId: 'exportScope',
        summary:
          'Export a scope as JSON Lines (user_id: all of its agents; agent_id: all of its users; both: one scope)',
        querystring: ExportQuery,
        response: { ...ExportResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { user_id, agent_id } = request.query;
      const lines = transfer.export({
        tenant: tenantOf(request),
        ...(user_id !== undefined ? { userId: user_id } : {}),
        ...(agent_id !== undefined ? { agentId: agent_id } : {}),
      });
      // The first line is read before answering, so a bad request still gets a 4xx.
      const first = await lines.next();
      const rest = async function* () {
        if (!first.done) yield first.value;
        yield* lines;
      };
      return reply
        .type('application/x-ndjson')
        .header('content-disposition', `attachment; filename="engram-export.jsonl"`)
        .send(Readable.from(rest()));
    },
  );

  app.post(
    '/import',
    {
      bodyLimit: importLimitBytes,
      schema: {
        tags,
        operationId: 'importScope',
        summary:
          'Import an export (JSON Lines, content type application/x-ndjson): idempotent, ids kept, each record atomic with its own result',
        response: { 200: ImportResponse, ...errorResponses },
      },
    },
    async (request) => {
      const body = typeof request.body === 'string' ? request.body : '';
      const report = await transfer.import(tenantOf(request), body.split('\n'));
      return {
        created: report.created,
        unchanged: report.unchanged,
        failed: report.failed,
        results: report.results.map((result) =>
          result.status === 'error'
            ? {
                line: result.line,
                kind: result.kind,
                status: result.status,
                error: { code: result.code, message: result.message },
              }
            : {
                line: result.line,
                kind: result.kind,
                status: result.status,
                ...(result.id ? { id: result.id } : {}),
                ...(result.mappedTo ? { mapped_to: result.mappedTo } : {}),
              },
        ),
      };
    },
  );
};
