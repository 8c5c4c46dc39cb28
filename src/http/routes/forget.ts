import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Metrics } from '../../observability/metrics.js';
import type { ForgetJob, ScopeForgetting } from '../../services/forget/scope-forgetting.js';
import { tenantOf } from '../access/request-scope.js';
import { errorResponses } from '../schemas/common.js';
import { AgentParams, ForgetResponse, UserParams } from '../schemas/forget.js';

interface Options {
  readonly forgetting: ScopeForgetting;
  readonly metrics: Metrics;
}

const tags = ['memories'];
const description =
  'Deletes every memory, chunk, vector, mention, entity, relationship and history row of the scope. Resumable: a crash halfway is finished at the next start (or reconcile); afterwards only a content-free audit record (a hash of the id, counts, dates) is kept. Repeating it is harmless.';

function present(job: ForgetJob) {
  return {
    job_id: job.id,
    scope_kind: job.kind,
    status: job.status === 'done' ? ('done' as const) : ('vectors' as const),
    forgotten: { ...job.counts },
  };
}

/** `DELETE /users/{user_id}` and `DELETE /agents/{agent_id}`: forget a whole scope. */
export const forgetRoutes: FastifyPluginAsyncTypebox<Options> = async (
  app,
  { forgetting, metrics },
) => {
  const report = (job: ForgetJob) => {
    if (job.status !== 'done') return;
    metrics.scopesForgotten.labels(job.kind).inc();
    for (const [kind, value] of Object.entries(job.counts))
      metrics.recordsForgotten.labels(kind).inc(value);
  };
  app.delete(
    '/users/:user_id',
    {
      schema: {
        tags,
        operationId: 'forgetUser',
        summary: 'Forget a user: all of its memories and what was derived from them',
        description,
        params: UserParams,
        response: { 200: ForgetResponse, 202: ForgetResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const job = await forgetting.forget(tenantOf(request), 'user', request.params.user_id);
      report(job);
      return reply.status(job.status === 'done' ? 200 : 202).send(present(job));
    },
  );

  app.delete(
    '/agents/:agent_id',
    {
      schema: {
        tags,
        operationId: 'forgetAgent',
        summary: 'Forget an agent: all of its memories (any user) and what was derived from them',
        description,
        params: AgentParams,
        response: { 200: ForgetResponse, 202: ForgetResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const job = await forgetting.forget(tenantOf(request), 'agent', request.params.agent_id);
      report(job);
      return reply.status(job.status === 'done' ? 200 : 202).send(present(job));
    },
  );
};
