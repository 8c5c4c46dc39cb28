/** The state of one dependency, as `/ready` reports it. */
export interface CheckResult {
  readonly ok: boolean;
  readonly detail?: string | number | Readonly<Record<string, unknown>>;
}

/** A dependency the service cannot work without (database, vector index, …). */
export interface ReadinessCheck {
  /** Short stable name shown in `/ready`, e.g. `database`. */
  readonly name: string;
  /** Resolves with the dependency's state; must not throw. */
  check(): Promise<CheckResult>;
}
