/** The database's query-planner statistics, for stores where nothing keeps them fresh (no autovacuum). */
export interface PlannerStatistics {
  /** Analyses every table written to enough since its last analysis; returns their names (cheap when none is). */
  refresh(): Promise<string[]>;
}
