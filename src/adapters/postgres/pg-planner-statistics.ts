import { sql } from 'drizzle-orm';
import type { PlannerStatistics } from '../../ports/planner-statistics.js';
import { type Database, queryRows } from './database.js';

/** Autovacuum's own trigger for ANALYZE: 50 rows plus 10 % of the table changed since the last one. */
const BASE_THRESHOLD = 50;
const SCALE_FACTOR = 0.1;

/**
 * ANALYZE as autovacuum would run it, for PGlite (which runs no autovacuum) and for servers where
 * it is off: the cumulative statistics count the rows each table changed since its last analysis.
 */
export class PgPlannerStatistics implements PlannerStatistics {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async refresh(): Promise<string[]> {
    // This connection's own pending counts (PGlite has only this one) reach the view now, not in a second.
    await queryRows(this.#db, sql`select pg_stat_force_next_flush()`);
    const stale = await queryRows<{ schema: string; table: string }>(
      this.#db,
      sql`select s.schemaname as schema, s.relname as table
          from pg_stat_user_tables s join pg_class c on c.oid = s.relid
          where s.n_mod_since_analyze > ${BASE_THRESHOLD} + ${SCALE_FACTOR} * greatest(c.reltuples, 0)
          order by s.n_mod_since_analyze desc`,
    );
    for (const { schema, table } of stale)
      await this.#db.execute(sql`analyze ${sql.identifier(schema)}.${sql.identifier(table)}`);
    return stale.map(({ schema, table }) => `${schema}.${table}`);
  }
}

/** Whether the server runs autovacuum (and counts the rows it needs): false means nobody analyses. */
export async function autovacuumRuns(db: Database): Promise<boolean> {
  const [row] = await queryRows<{ autovacuum: string; track_counts: string }>(
    db,
    sql`select current_setting('autovacuum') as autovacuum, current_setting('track_counts') as track_counts`,
  );
  return row?.autovacuum === 'on' && row.track_counts === 'on';
}
