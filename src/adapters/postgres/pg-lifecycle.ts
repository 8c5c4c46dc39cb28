import type { LifecyclePorts } from '../../ports/lifecycle.js';
import type { Database } from './database.js';
import { PgGraphCorrections } from './pg-graph-corrections.js';

/** The lifecycle stores on one Postgres database. */
export function pgLifecycle(db: Database): LifecyclePorts {
  return { corrections: new PgGraphCorrections(db) };
}
