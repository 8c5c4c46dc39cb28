import { createHash, randomUUID } from 'node:crypto';
import os from 'node:os';
import type { EntityType } from '../../src/domain/entity.js';
import type { Memory } from '../../src/domain/memory.js';
import { scopeOf } from '../../src/domain/scope.js';
import { buildApp } from '../../src/http/build-app.js';
import { createMetrics } from '../../src/observability/metrics.js';
import type { StoreRepositories } from '../../src/ports/store.js';
import { chromiumAvailable, launchChromium } from '../../test/support/chromium.js';
import type { BenchSuite } from '../support/bench-suite.js';
import { startEngramStack } from '../support/engram-stack.js';
import { round } from '../support/recall-table.js';

const TYPES: EntityType[] = ['PERSON', 'ORG', 'LOCATION', 'EVENT', 'PRODUCT', 'MISC'];
const RELATIONS = ['knows', 'works_for', 'located_in', 'member_of', 'visited', 'likes'];

interface Size {
  readonly scope: string;
  readonly entities: number;
  readonly relationships: number;
}

/**
 * `engram bench ui`: first paint of the dashboard's entity graph (navigation to a laid-out,
 * drawn graph in headless chromium) for a scope of 1,000 entities and 3,000 relationships,
 * with a 100/300 scope as the baseline in the same run.
 */
const ui: BenchSuite = async ({ flags, log }) => {
  if (!chromiumAvailable())
    return { result: { suite: 'ui' }, markdown: 'Skipped: no chromium.', skipped: true };
  const runs = Number(flags['runs'] ?? 3);
  const sizes: Size[] = [
    { scope: 'bench-small', entities: 100, relationships: 300 },
    {
      scope: 'bench-large',
      entities: Number(flags['entities'] ?? 1000),
      relationships: Number(flags['relationships'] ?? 3000),
    },
  ];
  const stack = await startEngramStack();
  const app = await buildApp({ ...stack.services, metrics: createMetrics() });
  const chromium = await launchChromium();
  try {
    for (const size of sizes) {
      log(
        `ui: seeding ${size.scope}: ${size.entities} entities, ${size.relationships} relationships`,
      );
      await stack.store.run((repositories) => seed(repositories, size));
    }
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
    const measured = [];
    for (const size of sizes) {
      const api = await apiMs(app, size.scope, runs);
      const paints = [];
      for (let run = 0; run < runs; run += 1)
        paints.push(await paint(chromium.browser, base, size.scope));
      log(
        `ui: ${size.scope}: GET /graph ${api} ms, first paint ${paints.map((p) => `${p.navigation_ms} (data ${p.data_ms}, laid out ${p.laid_out_ms})`).join(', ')} ms`,
      );
      measured.push({ ...size, api_ms: api, ...medianPaint(paints) });
    }
    const [small, large] = measured;
    const result = {
      suite: 'ui',
      runs,
      load_average: os.loadavg().map((value) => round(value)),
      cores: os.cpus().length,
      scopes: measured,
      ratio_large_to_small:
        small && large ? round(large.navigation_ms / small.navigation_ms) : null,
    };
    return { result, markdown: markdown(result) };
  } finally {
    await chromium.close();
    await app.close();
    await stack.close();
  }
};

export default ui;

async function seed(repositories: StoreRepositories, size: Size) {
  const scope = scopeOf(size.scope);
  const start = Date.parse('2024-01-01T00:00:00Z');
  const memories: Memory[] = Array.from({ length: Math.ceil(size.entities / 4) }, (_, index) => {
    const content = `seeded memory ${index} of ${size.scope}`;
    const at = new Date(start + index * 3_600_000);
    return {
      id: randomUUID(),
      tenant: 'default',
      userId: size.scope,
      agentId: '',
      sessionId: '',
      memoryType: 'ephemeral',
      content,
      contentHash: createHash('sha256').update(content).digest('hex'),
      parentId: null,
      chunkIndex: 0,
      metadata: {},
      migratedFrom: null,
      createdAt: at,
      updatedAt: at,
    };
  });
  await repositories.memories.insert(memories);
  const entities = await repositories.graph.upsertEntities(
    Array.from({ length: size.entities }, (_, index) => ({
      scope,
      type: TYPES[index % TYPES.length] ?? 'MISC',
      text: `Entity ${index}`,
    })),
  );
  await repositories.graph.addMentions(
    entities.flatMap((entity, index) =>
      Array.from({ length: 1 + (index % 4) }, (_, mention) => ({
        memoryId: memories[(index + mention * 7) % memories.length]?.id ?? '',
        entityId: entity.id,
        mention: entity.text,
        start: mention * 20,
        end: mention * 20 + entity.text.length,
        confidence: 0.9,
      })),
    ),
  );
  await seedRelationships(repositories, size, entities, memories);
}

async function seedRelationships(
  repositories: StoreRepositories,
  size: Size,
  entities: readonly { id: string }[],
  memories: readonly Memory[],
) {
  let random = 42;
  const next = (below: number) => {
    random = (random * 1_103_515_245 + 12_345) % 2_147_483_648;
    return random % below;
  };
  const seen = new Set<string>();
  while (seen.size < size.relationships) {
    const source = entities[next(entities.length)];
    const target = entities[next(entities.length)];
    const relationType = RELATIONS[next(RELATIONS.length)] ?? 'knows';
    const key = `${source?.id}|${target?.id}|${relationType}`;
    if (!source || !target || source === target || seen.has(key)) continue;
    seen.add(key);
    const memory = memories[next(memories.length)] ?? memories[0];
    if (!memory) return;
    // One in eight edges is later closed, so the graph draws dashed edges too.
    await repositories.graph.upsertRelationship({
      sourceEntityId: source.id,
      targetEntityId: target.id,
      relationType,
      confidence: 0.8,
      sentence: memory.content,
      memoryId: memory.id,
      validFrom: memory.createdAt,
      singleValued: false,
      ...(seen.size % 8 === 0 ? { ends: true } : {}),
    });
  }
}

async function apiMs(app: Awaited<ReturnType<typeof buildApp>>, scope: string, runs: number) {
  const times = [];
  for (let run = 0; run < runs + 1; run += 1) {
    const started = performance.now();
    const response = await app.inject({ url: `/graph?user_id=${scope}&limit=1000` });
    if (response.statusCode !== 200) throw new Error(`GET /graph answered ${response.statusCode}`);
    times.push(performance.now() - started);
  }
  return round(median(times.slice(1)));
}

async function paint(
  browser: Awaited<ReturnType<typeof launchChromium>>['browser'],
  base: string,
  scope: string,
) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(`${base}/ui/#/graph?u=${scope}`);
  await page.waitForSelector('#graph[data-state="ready"]', { timeout: 300_000 });
  // A string, so that the root tsconfig (no DOM lib) need not type browser code.
  const figures = (await page.evaluate(`(() => {
    const canvas = document.getElementById('graph');
    const mark = performance.getEntriesByName('engram:graph-painted')[0];
    const at = (name) => Math.round(performance.getEntriesByName(name)[0]?.startTime ?? 0);
    return {
      data_ms: at('engram:graph-data'),
      laid_out_ms: at('engram:graph-laid-out'),
      navigation_ms: Math.round(mark ? mark.startTime : 0),
      view_ms: Number(canvas.dataset.paintMs),
      nodes: Number(canvas.dataset.nodes),
      edges: Number(canvas.dataset.edges),
    };
  })()`)) as {
    navigation_ms: number;
    data_ms: number;
    laid_out_ms: number;
    view_ms: number;
    nodes: number;
    edges: number;
  };
  await page.close();
  return figures;
}

function medianPaint(
  paints: Array<{
    navigation_ms: number;
    data_ms: number;
    laid_out_ms: number;
    view_ms: number;
    nodes: number;
    edges: number;
  }>,
) {
  return {
    navigation_ms: median(paints.map((paint) => paint.navigation_ms)),
    layout_ms: median(paints.map((paint) => paint.laid_out_ms - paint.data_ms)),
    view_ms: median(paints.map((paint) => paint.view_ms)),
    nodes_drawn: paints[0]?.nodes ?? 0,
    edges_drawn: paints[0]?.edges ?? 0,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function markdown(result: {
  runs: number;
  load_average: number[];
  cores: number;
  scopes: Array<
    Size & {
      api_ms: number;
      navigation_ms: number;
      layout_ms: number;
      view_ms: number;
      nodes_drawn: number;
      edges_drawn: number;
    }
  >;
  ratio_large_to_small: number | null;
}) {
  const rows = result.scopes.map(
    (scope) =>
      `| ${scope.entities} / ${scope.relationships} | ${scope.nodes_drawn} / ${scope.edges_drawn} | ${scope.api_ms} | ${scope.layout_ms} | ${scope.view_ms} | ${scope.navigation_ms} |`,
  );
  return [
    `First paint of the dashboard's entity graph (/ui, cytoscape.js with the fCoSE layout, headless chromium, 1280×800), median of ${result.runs} page loads; GET /graph on PGlite in memory. Baseline: the 100/300 scope in the same run. Load average ${result.load_average.join(' / ')} on ${result.cores} cores (shared machine).`,
    '',
    '| entities / relationships seeded | drawn | GET /graph ms | layout ms | view ms (fetch + layout + draw) | from navigation ms |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    `Large / small first paint: ${result.ratio_large_to_small}×.`,
  ].join('\n');
}
