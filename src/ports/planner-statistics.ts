/** The database's planner statistics and dead rows, for stores where nothing maintains them (no autovacuum). */
export interface PlannerStatistics {
  /** Vacuums or analyses every table changed enough since its last one; returns their names (cheap when none is). */
  refresh(): Promise<string[]>;
}
