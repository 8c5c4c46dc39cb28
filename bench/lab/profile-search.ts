/**
 * Profiling aid (not a benchmark): loads `--n` memories over `--users` users and `--heavy` of one
 * user into an `engram serve` with TRACE_SPANS=true (kept in `--data-dir` for later runs), then
 * searches both populations one at a time and prints where the time went per span (mean and
 * p95 ms per search), from the `Server-Timing` header. `--out FILE` keeps each query's top-10 ids,
 * so two builds can be compared for identical results.
 *
 *   ENGRAM_DEV=1 npx tsx bench/lab/profile-search.ts --data-dir /tmp/p --n 6000 --heavy 20000
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ingest, percentiles } from '../support/api-load.js';
import { ChatGenerator, type ChatMemory } from '../support/chat-generator.js';
import { type EngramProcess, startEngramProcess } from '../support/engram-process.js';

const print = (...parts: unknown[]) =>
  process.stdout.write(
    `${parts.map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(' ')}\n`,
  );

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    n: { type: 'string', default: '6000' },
    heavy: { type: 'string', default: '20000' },
    users: { type: 'string', default: '100' },
    queries: { type: 'string', default: '100' },
    port: { type: 'string', default: '9201' },
    out: { type: 'string' },
  },
});
const dataDir = values['data-dir'] ?? '/tmp/engram-profile';
const fresh = !existsSync(`${dataDir}/postgres`);
const users = Number(values.users);
const generator = new ChatGenerator(users);
const many = Array.from({ length: Number(values.n) }, (_, index) => generator.memory(index));
const manyQuestions = Array.from({ length: Number(values.queries) }, () => generator.question());
const single = new ChatGenerator(1, 7);
const heavy = Array.from({ length: Number(values.heavy) }, (_, index) => ({
  ...single.memory(index),
  userId: 'heavy',
}));
const heavyQuestions = Array.from({ length: Number(values.queries) }, () => ({
  ...single.question(),
  userId: 'heavy',
}));

const server = await startEngramProcess(dataDir, { TRACE_SPANS: 'true', PORT: values.port });
try {
  if (fresh) {
    const byUser = [...many].sort((a, b) => a.userId.localeCompare(b.userId));
    print('ingest', await ingest(server, byUser, { batch: 100, clients: 2 }, print));
    print('ingest heavy', await ingest(server, heavy, { batch: 100, clients: 2 }, print));
  }
  const tops: Record<string, string[][]> = {};
  for (const [name, questions] of [
    ['many_users', manyQuestions],
    ['heavy_user', heavyQuestions],
  ] as const) {
    await profile(server, questions.slice(0, 10), undefined);
    tops[name] = await profile(server, questions, name);
  }
  if (values.out) await writeFile(values.out, JSON.stringify(tops));
} finally {
  await server.stop();
}

async function profile(server: EngramProcess, questions: readonly ChatMemory[], name?: string) {
  const spans = new Map<string, number[]>();
  const latencies: number[] = [];
  const tops: string[][] = [];
  for (const question of questions) {
    const begun = performance.now();
    const response = await fetch(`${server.url}/memories/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: question.content, user_id: question.userId, top_k: 10 }),
    });
    const body = (await response.json()) as { results: Array<{ memory: { id: string } }> };
    latencies.push(performance.now() - begun);
    tops.push(body.results.map((result) => result.memory.id));
    for (const metric of (response.headers.get('server-timing') ?? '').split(', ')) {
      const [span, duration] = metric.split(';');
      const ms = Number(duration?.slice(4));
      if (span) spans.set(span, [...(spans.get(span) ?? []), ms]);
    }
  }
  if (!name) return tops;
  print(`\n${name}: client ms ${JSON.stringify(percentiles(latencies))}`);
  for (const [span, values] of [...spans].sort((a, b) => sum(b[1]) - sum(a[1]))) {
    const mean = sum(values) / questions.length;
    print(
      `  ${span.padEnd(26)} mean ${mean.toFixed(1).padStart(6)}  p95 ${percentiles(values).p95}`,
    );
  }
  return tops;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
