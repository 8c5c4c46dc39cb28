import type { LifecyclePorts } from '../../ports/lifecycle.js';
import type { Database } from './database.js';
import { PgExpiryStore } from './pg-expiry-store.js';
import { PgForgetStore } from './pg-forget-store.js';
import { PgGraphCorrections } from './pg-graph-corrections.js';
import { PgScopeArchive } from './pg-scope-archive.js';

/** The lifecycle stores on one Postgres database. */
export function pgLifecycle(db: Database): LifecyclePorts {
  return {
    corrections: new PgGraphCorrections(db),
    forgetting: new PgForgetStore(db),
    expiry: new PgExpiryStore(db),
    archive: new PgScopeArchive(db),
  };
}
