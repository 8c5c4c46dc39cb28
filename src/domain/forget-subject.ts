import { createHash } from 'node:crypto';

/** Which scope id a forget request names. */
export type ForgetKind = 'user' | 'agent';

/** What a forget job removed, by kind of record. */
export interface ForgetCounts {
  readonly memories: number;
  readonly vectors: number;
  readonly entities: number;
  readonly relationships: number;
  readonly history: number;
}

/** The audit key of a forgotten scope: a sha256 of kind and id, so the id itself is not kept. */
export function forgetSubjectHash(kind: ForgetKind, subject: string): string {
  return createHash('sha256').update(`${kind}\u0000${subject}`, 'utf8').digest('hex');
}
