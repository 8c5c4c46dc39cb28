import type { Percentiles } from './api-load.js';

interface Search {
  clients: number;
  ms: Percentiles;
  per_second: number;
  errors: number;
  shed_share?: number;
  event_loop_p99_ms: number;
}
interface Ingest {
  per_second: number;
  indexed_per_second?: number;
  errors: number;
  event_loop_p99_ms: number;
}
interface Run {
  engine: string;
  start_ms?: number;
  ingest: { many_users: Ingest; heavy_user: Ingest };
  search: Record<string, unknown[]>;
  rss_mb: { after_search: Record<string, number> };
}

/** The BENCHMARKS.md section of `bench api`. */
export function apiMarkdown(
  settings: {
    n: number;
    heavy: number;
    users: number;
    batch: number;
    clients: number;
    queries: number;
  },
  runs: readonly Run[],
  vectorOnly: { ingest_per_second: number; search_ms: Percentiles },
): string {
  const lines = [
    `Over HTTP against \`engram serve\` (managed Chroma, GloVe, rules extractor): ${settings.n} generated chat memories over ${settings.users} users (POST /memories/batch of ${settings.batch}, each batch across users), then ${settings.heavy} memories of one heavy user (batches within it), ${settings.clients} ingest clients; then ${settings.queries} searches per population at each concurrency. Event-loop delay is the server's own p99 over each phase.`,
    '',
    '| engine | first start ms | ingest across users /s (answered / indexed) | EL p99 ms | ingest one user /s (answered / indexed) | EL p99 ms | errors | RSS MB: engram / chroma / postgres / total |',
    '|---|---|---|---|---|---|---|---|',
    ...runs.map((run) => {
      const { many_users: many, heavy_user: heavy } = run.ingest;
      const rss = run.rss_mb.after_search;
      const memory = [rss['engram'], rss['chroma'], rss['postgres'] ?? '–', rss['total']].join(
        ' / ',
      );
      return `| ${run.engine} | ${run.start_ms ?? ''} | ${rates(many)} | ${many.event_loop_p99_ms.toFixed(0)} | ${rates(heavy)} | ${heavy.event_loop_p99_ms.toFixed(0)} | ${many.errors + heavy.errors} | ${memory} |`;
    }),
    `| vector-only baseline (GloVe + Chroma in process, no HTTP) | | ${vectorOnly.ingest_per_second.toFixed(0)} | | | | | |`,
    '',
    '| engine | population | clients | p50 ms | p95 ms | p99 ms | searches/s | errors | 429/503 share | EL p99 ms |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const run of runs)
    for (const [population, levels] of Object.entries(run.search))
      for (const level of levels as Search[])
        lines.push(
          `| ${run.engine} | ${population.replace('_', ' ')} | ${level.clients} | ${level.ms.p50.toFixed(1)} | ${level.ms.p95.toFixed(1)} | ${level.ms.p99.toFixed(1)} | ${level.per_second.toFixed(1)} | ${level.errors} | ${level.shed_share ?? 0} | ${level.event_loop_p99_ms.toFixed(0)} |`,
        );
  lines.push(
    `| vector-only baseline | many users | 1 | ${vectorOnly.search_ms.p50.toFixed(1)} | ${vectorOnly.search_ms.p95.toFixed(1)} | ${vectorOnly.search_ms.p99.toFixed(1)} | | | | |`,
  );
  return lines.join('\n');
}

/** Memories/s when the answers came and, if measured, when every vector was written. */
function rates(ingest: Ingest): string {
  const indexed = ingest.indexed_per_second;
  return `${ingest.per_second.toFixed(0)}${indexed === undefined ? '' : ` / ${indexed.toFixed(0)}`}`;
}
