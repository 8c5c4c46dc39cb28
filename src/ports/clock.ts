/** Current time, injectable so tests use a fixed clock. */
export interface Clock {
  now(): Date;
}
