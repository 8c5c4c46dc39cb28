import { sql } from 'drizzle-orm';
import type { PlannerStatistics } from '../../ports/planner-statistics.js';
import { type Database, queryRows } from './database.js';

// Autovacuum's own triggers: ANALYZE after 50 rows + 10 % of the table changed; VACUUM after
// 50 + 20 % dead rows, or 1,000 + 20 % rows inserted (which also keeps index-only scans cheap).
const ANALYZE_BASE = 50;
const ANALYZE_SCALE = 0.1;
const VACUUM_BASE = 50;
const INSERT_VACUUM_BASE = 1000;
const VACUUM_SCALE = 0.2;

/**
 * VACUUM and ANALYZE as autovacuum would run them, for PGlite (which runs no autovacuum) and for
 * servers where it is off: the cumulative statistics count each table's changes since its last one.
 */
export class PgPlannerStatistics implements PlannerStatistics {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async refresh(): Promise<string[]> {
    // This connection's own pending counts (PGlite has only this one) reach the view now, not in a second.
    await queryRows(this.#db, sql`select pg_stat_force_next_flush()`);
    const stale = await queryRows<{ schema: string; table: string; vacuum: boolean }>(
      this.#db,
      sql`select s.schemaname as schema, s.relname as table,
                 (s.n_dead_tup > ${VACUUM_BASE} + ${VACUUM_SCALE} * t.rows
                  or s.n_ins_since_vacuum > ${INSERT_VACUUM_BASE} + ${VACUUM_SCALE} * t.rows) as vacuum
          from pg_stat_user_tables s
          join pg_class c on c.oid = s.relid
          cross join lateral (select greatest(c.reltuples, 0) as rows) t
          where s.n_mod_since_analyze > ${ANALYZE_BASE} + ${ANALYZE_SCALE} * t.rows
             or s.n_dead_tup > ${VACUUM_BASE} + ${VACUUM_SCALE} * t.rows
             or s.n_ins_since_vacuum > ${INSERT_VACUUM_BASE} + ${VACUUM_SCALE} * t.rows
          order by s.n_mod_since_analyze desc`,
    );
    for (const { schema, table, vacuum } of stale) {
      const name = sql`${sql.identifier(schema)}.${sql.identifier(table)}`;
      await this.#db.execute(vacuum ? sql`vacuum (analyze) ${name}` : sql`analyze ${name}`);
    }
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
