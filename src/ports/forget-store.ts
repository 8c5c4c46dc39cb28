import type { ForgetCounts, ForgetKind } from '../domain/forget-subject.js';
import type { OutboxItem } from './index-outbox.js';

/**
 * A forget job. `running`: memory rows are being deleted in batches; `vectors`: rows are gone and
 * the vector deletions queued in the outbox are being applied; `done`: only the content-free
 * audit record (hash, counts, dates) is left, `subject` is null.
 */
export interface ForgetJob {
  readonly id: string;
  /** The tenant whose user or agent is forgotten. */
  readonly tenant: string;
  readonly kind: ForgetKind;
  readonly subject: string | null;
  readonly subjectHash: string;
  readonly status: 'running' | 'vectors' | 'done';
  readonly counts: ForgetCounts;
  readonly createdAt: Date;
  readonly finishedAt: Date | null;
}

/** Forget jobs and the set-based deletes they run; each call is one transaction. */
export interface ForgetStore {
  /** Starts a job for the tenant's user or agent, or returns the unfinished one already running for it. */
  start(tenant: string, kind: ForgetKind, subject: string, at: Date): Promise<ForgetJob>;
  /** Jobs a crash or a failure left unfinished, oldest first. */
  unfinished(): Promise<ForgetJob[]>;
  /**
   * Deletes up to `limit` top-level memories of the job's scope with their chunks, mentions and
   * evidence, queues the deletes of their vectors, and counts them on the job; returns how many
   * went (0: none left) and the queued outbox items.
   */
  deleteBatch(job: ForgetJob, limit: number): Promise<{ memories: number; outbox: OutboxItem[] }>;
  /** Deletes the scope's entities (with aliases, mentions, relationships), history and pending upserts; moves the job to `vectors`. */
  deleteGraphAndHistory(job: ForgetJob): Promise<ForgetJob>;
  /** Vector deletions of the scope still pending in the outbox. */
  pendingVectors(job: ForgetJob): Promise<number>;
  /** Drops the scope's outbox rows and the subject, marks the job done. */
  finish(job: ForgetJob, at: Date): Promise<ForgetJob>;
  /** Records a failed attempt on the job. */
  fail(job: ForgetJob, error: string): Promise<void>;
  /** Number of unfinished jobs (for /metrics). */
  unfinishedCount(): Promise<number>;
}
