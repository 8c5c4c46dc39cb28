/** A legacy record that was not imported (or did not verify), and why. */
export interface ImportFailure {
  readonly collection: string;
  readonly id: string;
  readonly reason: string;
}

/** Where an import writes the records it could not take; the run goes on after each one. */
export interface ImportFailureLog {
  /** Appends one failure durably before the import moves on. */
  record(failure: ImportFailure): Promise<void>;
}
