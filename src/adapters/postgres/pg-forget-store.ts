import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, ne, type SQL, sql } from 'drizzle-orm';
import {
  type ForgetCounts,
  type ForgetKind,
  forgetSubjectHash,
} from '../../domain/forget-subject.js';
import type { ForgetJob, ForgetStore } from '../../ports/forget-store.js';
import type { OutboxItem } from '../../ports/index-outbox.js';
import { type Database, queryRows } from './database.js';
import { rowCount } from './pg-entity-merge.js';
import { queueVectorDeletes } from './pg-vector-deletes.js';
import { forgetJobs } from './schema.js';

const NO_COUNTS: ForgetCounts = {
  memories: 0,
  vectors: 0,
  entities: 0,
  relationships: 0,
  history: 0,
};

/** Forget jobs on Postgres; every delete is set-based and runs in one transaction. */
export class PgForgetStore implements ForgetStore {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async start(tenant: string, kind: ForgetKind, subject: string, at: Date): Promise<ForgetJob> {
    const subjectHash = forgetSubjectHash(kind, subject);
    return this.#db.transaction(async (tx) => {
      // One job per scope at a time, also across replicas.
      await tx.execute(sql`select pg_advisory_xact_lock(7311003, hashtext(${subjectHash}))`);
      const [running] = await tx
        .select()
        .from(forgetJobs)
        .where(
          and(
            eq(forgetJobs.tenant, tenant),
            eq(forgetJobs.subjectHash, subjectHash),
            ne(forgetJobs.status, 'done'),
          ),
        );
      if (running) return toJob(running);
      const [row] = await tx
        .insert(forgetJobs)
        .values({
          id: randomUUID(),
          tenant,
          scopeKind: kind,
          subject,
          subjectHash,
          counts: { ...NO_COUNTS },
          createdAt: at,
        })
        .returning();
      if (!row) throw new Error('forget job insert returned no row');
      return toJob(row);
    });
  }

  async unfinished(): Promise<ForgetJob[]> {
    const rows = await this.#db
      .select()
      .from(forgetJobs)
      .where(ne(forgetJobs.status, 'done'))
      .orderBy(asc(forgetJobs.createdAt));
    return rows.map(toJob);
  }

  async deleteBatch(job: ForgetJob, limit: number) {
    return this.#db.transaction(async (transaction) => {
      const tx = transaction as unknown as Database;
      const inScope = scopeSql(job);
      const picked = await queryRows<{ id: string }>(
        tx,
        sql`select id from memories where ${inScope} and parent_id is null order by id limit ${limit} for update skip locked`,
      );
      if (picked.length === 0) return { memories: 0, outbox: [] as OutboxItem[] };
      const ids = sql.join(
        picked.map((row) => sql`${row.id}::uuid`),
        sql`, `,
      );
      const outbox = await queueVectorDeletes(tx, ids);
      await tx.execute(sql`delete from memories where id in (${ids})`);
      await addCounts(tx, job.id, { memories: picked.length, vectors: outbox.length });
      return { memories: picked.length, outbox };
    });
  }

  async deleteGraphAndHistory(job: ForgetJob): Promise<ForgetJob> {
    return this.#db.transaction(async (transaction) => {
      const tx = transaction as unknown as Database;
      const inScope = scopeSql(job);
      const [edges] = await queryRows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from relationships r join entities e on e.id = r.source_entity_id where ${scopeSql(job, 'e')}`,
      );
      // Merged-away names go first and are not counted: they are redirects, not entities.
      await tx.execute(sql`delete from entities where ${inScope} and merged_into is not null`);
      const entities = rowCount(await tx.execute(sql`delete from entities where ${inScope}`));
      const history =
        rowCount(await tx.execute(sql`delete from memory_history where ${inScope}`)) +
        rowCount(await tx.execute(sql`delete from entity_history where ${inScope}`));
      await tx.execute(sql`delete from outbox where ${inScope} and operation = 'upsert'`);
      await addCounts(tx, job.id, { entities, relationships: Number(edges?.n ?? 0), history });
      // Another replica may have moved the job on meanwhile: never move it back.
      await tx
        .update(forgetJobs)
        .set({ status: 'vectors' })
        .where(and(eq(forgetJobs.id, job.id), eq(forgetJobs.status, 'running')));
      const [row] = await tx.select().from(forgetJobs).where(eq(forgetJobs.id, job.id));
      if (!row) throw new Error(`forget job ${job.id} vanished`);
      return toJob(row);
    });
  }

  async pendingVectors(job: ForgetJob): Promise<number> {
    const [row] = await queryRows<{ n: number }>(
      this.#db,
      sql`select count(*)::int as n from outbox where ${scopeSql(job)} and status = 'pending'`,
    );
    return Number(row?.n ?? 0);
  }

  async finish(job: ForgetJob, at: Date): Promise<ForgetJob> {
    return this.#db.transaction(async (tx) => {
      await tx.execute(sql`delete from outbox where ${scopeSql(job)}`);
      await tx
        .update(forgetJobs)
        .set({ status: 'done', subject: null, finishedAt: at, lastError: null })
        .where(and(eq(forgetJobs.id, job.id), ne(forgetJobs.status, 'done')));
      const [row] = await tx.select().from(forgetJobs).where(eq(forgetJobs.id, job.id));
      if (!row) throw new Error(`forget job ${job.id} vanished`);
      return toJob(row);
    });
  }

  async fail(job: ForgetJob, error: string): Promise<void> {
    await this.#db
      .update(forgetJobs)
      .set({ attempts: sql`${forgetJobs.attempts} + 1`, lastError: error.slice(0, 500) })
      .where(eq(forgetJobs.id, job.id));
  }

  async unfinishedCount(): Promise<number> {
    const [row] = await this.#db
      .select({ value: count() })
      .from(forgetJobs)
      .where(ne(forgetJobs.status, 'done'));
    return Number(row?.value ?? 0);
  }
}

/** The job's scope as a condition: every row of that user, or of that agent, in its tenant. */
function scopeSql(job: ForgetJob, alias?: string): SQL {
  if (job.subject === null) throw new Error(`forget job ${job.id} has no subject left`);
  const column = job.kind === 'user' ? 'user_id' : 'agent_id';
  const qualified = (name: string) => sql.raw(alias ? `${alias}.${name}` : name);
  return sql`${qualified('tenant')} = ${job.tenant} and ${qualified(column)} = ${job.subject}`;
}

async function addCounts(tx: Database, id: string, add: Partial<ForgetCounts>): Promise<void> {
  const parts = Object.entries(add).map(
    ([key, value]) =>
      sql`jsonb_build_object(${key}::text, coalesce((counts->>${key}::text)::int, 0) + ${value ?? 0})`,
  );
  const merged = parts.reduce((left, right) => sql`${left} || ${right}`, sql`counts`);
  await tx.execute(sql`update forget_jobs set counts = ${merged} where id = ${id}::uuid`);
}

function toJob(row: typeof forgetJobs.$inferSelect): ForgetJob {
  return {
    id: row.id,
    tenant: row.tenant,
    kind: row.scopeKind,
    subject: row.subject,
    subjectHash: row.subjectHash,
    status: row.status,
    counts: { ...NO_COUNTS, ...row.counts },
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
  };
}
