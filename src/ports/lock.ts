/** What `Lock.tryWith` did: ran the work (and its value), or skipped it because another holder had the lock. */
export type LockOutcome<T> =
  | { readonly acquired: true; readonly value: T }
  | { readonly acquired: false };

/** A named lock shared by every process on one store (e.g. replicas on one Postgres server). */
export interface Lock {
  /** Runs `work` while holding `name`; if another process holds it, skips `work` without waiting. */
  tryWith<T>(name: string, work: () => Promise<T>): Promise<LockOutcome<T>>;
}

/** A lock for a store only one process can open (embedded PGlite): always acquired. */
export const PROCESS_LOCAL_LOCK: Lock = {
  tryWith: async (_name, work) => ({ acquired: true, value: await work() }),
};
