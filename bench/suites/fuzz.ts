import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ChromaVectorIndex } from '../../src/adapters/chroma/chroma-vector-index.js';
import { ManagedChroma } from '../../src/adapters/chroma/managed-chroma.js';
import { GloveEmbedder } from '../../src/adapters/embeddings/glove-embedder.js';
import { PgApiKeyRepository } from '../../src/adapters/postgres/pg-api-key-repository.js';
import { PgStore } from '../../src/adapters/postgres/pg-store.js';
import { buildApp } from '../../src/http/build-app.js';
import { createMetrics } from '../../src/observability/metrics.js';
import {
  type FuzzReport,
  injectTarget,
  runFuzzCampaign,
} from '../../test/support/fuzz-campaign.js';
import {
  createMigratedDatabase,
  DATABASE_KINDS,
  type DatabaseKind,
} from '../../test/support/test-databases.js';
import type { BenchSuite } from '../support/bench-suite.js';
import { BENCH_EMBEDDINGS_CACHE, benchServices } from '../support/engram-stack.js';

const SCOPE_IDS = ['fuzz-a', 'fuzz-b', 'alice'];
// Another tenant's text, stored under the fuzzer's own user ids: no answer may carry it.
const FOREIGN = 'Quilla Marwood keeps the harbour ledger in Tromsø.';
const KEPT = [
  'Sarah lives in Boston and works at Google.',
  'My brother Tom adopted a cat named Miso.',
  'The team meets every Tuesday in Denver.',
];

/**
 * `engram bench fuzz [--requests N] [--seed S] [--database pglite|postgres] [--concurrency C]`:
 * a long campaign of requests generated from the OpenAPI document (the test runs a short one)
 * against the whole service in process, on PGlite and on the PostgreSQL server unless
 * `--database` picks one; counts answers by status and checks that memories written before it
 * are intact. A reliability campaign: the 4xx share says how much the edge rejected.
 */
const fuzz: BenchSuite = async ({ flags, log }) => {
  const requests = Number(flags['requests'] ?? 10_000);
  const seed = Number(flags['seed'] ?? 1414);
  const kinds = flags['database'] ? [flags['database'] as DatabaseKind] : DATABASE_KINDS;
  const runs = [];
  for (const kind of kinds) {
    const concurrency = Number(flags['concurrency'] ?? (kind === 'postgres' ? 4 : 1));
    log(`fuzz: ${requests} requests on ${kind}, seed ${seed}, ${concurrency} at a time`);
    runs.push(await campaign(kind, { requests, seed, concurrency }));
  }
  const result = { suite: 'fuzz', requests, seed, runs };
  return { result, markdown: markdown(runs) };
};

async function campaign(
  kind: DatabaseKind,
  options: { requests: number; seed: number; concurrency: number },
) {
  const rig = await startRig(kind);
  try {
    const admin = await rig.services.keys?.create({ name: 'fuzz', scopes: ['admin'] });
    const authorization = `Bearer ${admin?.secret}`;
    const kept: Array<{ id: string; content: string }> = [];
    for (const content of KEPT) {
      const response = await rig.app.inject({
        method: 'POST',
        url: '/memories',
        headers: { authorization },
        payload: { content, user_id: 'fuzz-keeper' },
      });
      kept.push(response.json().memory);
    }
    const foreignIds = await writeForeign(rig);
    const started = performance.now();
    const report = await runFuzzCampaign(
      injectTarget(rig.app, authorization),
      { ids: [...kept.map((memory) => memory.id), ...foreignIds], scopeIds: SCOPE_IDS },
      {
        ...options,
        watch: { probes: [...SCOPE_IDS, ...foreignIds], secrets: ['Quilla', 'Marwood', 'Tromsø'] },
      },
    );
    const seconds = (performance.now() - started) / 1000;
    let intact = 0;
    for (const memory of kept) {
      const response = await rig.app.inject({
        url: `/memories/${memory.id}?user_id=fuzz-keeper`,
        headers: { authorization },
      });
      if (response.statusCode === 200 && response.json().memory.content === memory.content)
        intact += 1;
    }
    return summary(report, { kind, seconds, intact, kept: kept.length });
  } finally {
    await rig.close();
  }
}

/** Another tenant's memories under every (user, agent) of the fuzzer's pool; their memory and entity ids. */
async function writeForeign(rig: Awaited<ReturnType<typeof startRig>>): Promise<string[]> {
  const other = await rig.services.keys?.create({ name: 'o', scopes: ['write'], tenant: 'other' });
  const ids: string[] = [];
  for (const user_id of SCOPE_IDS)
    for (const agent_id of [undefined, ...SCOPE_IDS]) {
      const added = await rig.app.inject({
        method: 'POST',
        url: '/memories',
        headers: { authorization: `Bearer ${other?.secret}` },
        payload: { content: FOREIGN, user_id, agent_id },
      });
      const body = added.json();
      ids.push(body.memory.id, ...body.entities.map((entity: { id: string }) => entity.id));
    }
  return ids;
}

async function startRig(kind: DatabaseKind) {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'engram-fuzz-'));
  const chroma = new ManagedChroma({ persistDirectory: path.join(directory, 'chroma') });
  const url = await chroma.start();
  const database = await createMigratedDatabase(kind);
  const embedder = new GloveEmbedder({ cacheDirectory: BENCH_EMBEDDINGS_CACHE });
  await embedder.init();
  const vectors = new ChromaVectorIndex({ url });
  await vectors.init(embedder.identity);
  const store = new PgStore(database.db);
  const services = benchServices(database, {
    store,
    vectors,
    embedder,
    apiKeys: new PgApiKeyRepository(database.db),
  });
  const app = await buildApp({ ...services, metrics: createMetrics() });
  return {
    app,
    services,
    close: async () => {
      await app.close();
      await database.close();
      await chroma.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

function summary(
  report: FuzzReport,
  run: { kind: string; seconds: number; intact: number; kept: number },
) {
  const count = (test: (status: number) => boolean) =>
    Object.entries(report.byStatus)
      .filter(([status]) => test(Number(status)))
      .reduce((total, [, n]) => total + n, 0);
  return {
    database: run.kind,
    requests: report.requests,
    by_status: report.byStatus,
    server_errors: count((status) => status >= 500),
    rejected_4xx_share:
      Math.round((count((s) => s >= 400 && s < 500) / report.requests) * 1000) / 1000,
    requests_per_second: Math.round(report.requests / run.seconds),
    kept_intact: `${run.intact}/${run.kept}`,
    leak_probes: report.probes,
    leaks: report.leaks,
    first_leaks: report.firstLeaks.slice(0, 3),
    first_server_errors: report.serverErrors.slice(0, 5),
  };
}

function markdown(runs: ReadonlyArray<ReturnType<typeof summary>>): string {
  const rows = runs.map((run) => {
    const statuses = Object.entries(run.by_status)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([status, n]) => `${status}: ${n}`)
      .join(', ');
    return `| ${run.database} | ${run.requests} | ${run.server_errors} | ${run.rejected_4xx_share} | ${run.requests_per_second} | ${run.kept_intact} | ${run.leak_probes} | ${run.leaks} | ${statuses} |`;
  });
  return [
    'Requests generated from the OpenAPI document (every operation, hostile values mixed in), sent in process with an admin key; another tenant holds memories under the same user and agent ids (leak probes: requests naming them or their ids; leaks: answers carrying their text).',
    '',
    '| database | requests | 5xx | 4xx share | req/s | kept intact | leak probes | leaks | by status |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

export default fuzz;
