import path from 'node:path';
import type { BenchSuite } from '../support/bench-suite.js';
import { Bm25Index } from '../support/bm25.js';
import { type EngramStack, startEngramStack } from '../support/engram-stack.js';
import {
  type LongMemEvalQuestion,
  loadLongMemEval,
  recallAll,
  recallAny,
  sessionsOf,
} from '../support/longmemeval-data.js';
import { RecallTable, round } from '../support/recall-table.js';
import { Latency, searchVariants } from '../support/search-variants.js';

const KS = [5, 10] as const;
const TOP_K = 10;
const BATCH = 200;
const METHODS = ['engram', 'previous', 'bm25', 'vector'] as const;
type Method = (typeof METHODS)[number];

/** LongMemEval-S dev retrieval: each question's haystack is its own user; turn- and session-level recall vs BM25-only and vector-only. */
const longmemeval: BenchSuite = async ({ data, flags, log }) => {
  const file = data?.endsWith('.jsonl')
    ? data
    : path.join(data ?? '../shared/data', 'longmemeval/longmemeval_s_dev.jsonl');
  const questions = loadLongMemEval(
    path.resolve(file),
    flags['limit'] ? Number(flags['limit']) : undefined,
  );
  if (!questions) {
    log(`longmemeval: ${file} not found; skipping`);
    return {
      result: { suite: 'longmemeval', skipped: `missing ${file}` },
      markdown: `skipped: ${file} not found`,
      skipped: true,
    };
  }
  const stack = await startEngramStack({
    chromaPort: flags['chroma-port'] ? Number(flags['chroma-port']) : undefined,
  });
  const variants = searchVariants(stack, flags);
  const latency = { engram: new Latency(), previous: new Latency() };
  const featureRows: unknown[] = [];
  const labTables = new Map(variants.lab.map(({ name }) => [name, new RecallTable(KS)]));
  const labByType = new Map(variants.lab.map(({ name }) => [name, new RecallTable([10])]));
  const tables = Object.fromEntries(
    METHODS.map((method) => [method, new RecallTable(KS)]),
  ) as Record<Method, RecallTable>;
  const byType = new RecallTable([10]);
  const previousByType = new RecallTable([10]);
  let turns = 0;
  let ingestSeconds = 0;
  try {
    for (const [index, question] of questions.entries()) {
      const started = performance.now();
      const turnsOf = await ingest(stack, question);
      ingestSeconds += (performance.now() - started) / 1000;
      turns += question.turns.length;
      const ranked = await rank(stack, variants, latency, question, turnsOf);
      const traced = variants.lastFeatures();
      for (const { name, search } of variants.lab) {
        const results = await search.search({
          query: question.question,
          scope: { tenant: 'default', userId: question.id, agentId: '' },
          topK: TOP_K,
          scoreThreshold: 0,
        });
        const list = [
          ...new Set(results.flatMap((result) => turnsOf.get(result.memory.id) ?? [])),
        ].slice(0, TOP_K);
        const table = labTables.get(name);
        if (table) score(table, list, question);
        labByType
          .get(name)
          ?.add(question.type, new Map([[10, recallAll(list, question.evidenceTurns, 10)]]));
      }
      if (flags['features'] && traced)
        featureRows.push({
          conversation: question.id,
          category: question.type,
          evidenceCount: question.evidenceTurns.length,
          evidence: traced.rows.map((row) =>
            (turnsOf.get(row.id) ?? []).some((turn) => question.evidenceTurns.includes(turn)),
          ),
          features: traced.rows.map((row) => row.features),
        });
      for (const method of METHODS) score(tables[method], ranked[method], question);
      byType.add(
        question.type,
        new Map([[10, recallAll(ranked.engram, question.evidenceTurns, 10)]]),
      );
      previousByType.add(
        question.type,
        new Map([[10, recallAll(ranked.previous, question.evidenceTurns, 10)]]),
      );
      log(
        `longmemeval: ${index + 1}/${questions.length} ${question.id} (${question.turns.length} turns) any@5 ${recallAny(ranked.engram, question.evidenceTurns, 5)} all@10 ${recallAll(ranked.engram, question.evidenceTurns, 10)}`,
      );
    }
  } finally {
    await stack.close();
  }
  await variants.saveFeatures(featureRows);
  for (const [name, table] of labTables) {
    const types = [...new Set(questions.map((question) => question.type))].sort();
    log(
      `longmemeval lab ${name}: all@10 ${table.mean('turn_all', 10).toFixed(3)} any@5 ${table.mean('turn_any', 5).toFixed(3)}; ${types.map((type) => `${type} ${labByType.get(name)?.mean(type, 10).toFixed(2)}`).join(', ')}`,
    );
  }
  const types = [...new Set(questions.map((question) => question.type))].sort();
  const result = {
    suite: 'longmemeval',
    questions: questions.length,
    memories: turns,
    ...metrics(tables.engram),
    baselines: {
      previous_default: metrics(tables.previous),
      bm25: metrics(tables.bm25),
      vector: metrics(tables.vector),
    },
    tuning: variants.tuning,
    engram_recall_all_10_by_type: byType.toJson(types)['10'],
    previous_recall_all_10_by_type: previousByType.toJson(types)['10'],
    search_ms_mean: round(latency.engram.mean),
    search_ms_p95: round(latency.engram.p95),
    previous_search_ms_mean: round(latency.previous.mean),
    previous_search_ms_p95: round(latency.previous.p95),
    ingest_per_second: round(turns / ingestSeconds),
  };
  return {
    result,
    markdown: markdown(
      tables,
      questions.length,
      turns,
      result.ingest_per_second,
      {
        engram: result.engram_recall_all_10_by_type ?? {},
        previous: result.previous_recall_all_10_by_type ?? {},
      },
      latency,
    ),
  };
};

/** Adds the haystack in batches; returns memory id -> the turn keys it stands for (identical turns share one memory). */
async function ingest(
  stack: EngramStack,
  question: LongMemEvalQuestion,
): Promise<Map<string, string[]>> {
  const turnsOf = new Map<string, string[]>();
  for (let start = 0; start < question.turns.length; start += BATCH) {
    const batch = question.turns.slice(start, start + BATCH);
    const results = await stack.services.writer.addMany(
      batch.map((turn) => ({
        content: turn.text,
        scope: { tenant: 'default', userId: question.id, agentId: '' },
        sessionId: turn.sessionId,
        createdAt: turn.createdAt,
        metadata: { turn: turn.key },
      })),
    );
    results.forEach((outcome, index) => {
      const turn = batch[index];
      if (!turn || outcome instanceof Error) return;
      turnsOf.set(outcome.memory.id, [...(turnsOf.get(outcome.memory.id) ?? []), turn.key]);
    });
  }
  // Vectors are stored per chunk: map every leaf back to its memory's turns.
  for (const leaf of await stack.store.memories.searchUnitsOf([...turnsOf.keys()])) {
    if (leaf.parentId) turnsOf.set(leaf.id, turnsOf.get(leaf.parentId) ?? []);
  }
  return turnsOf;
}

async function rank(
  stack: EngramStack,
  variants: ReturnType<typeof searchVariants>,
  latency: Record<'engram' | 'previous', Latency>,
  question: LongMemEvalQuestion,
  turnsOf: Map<string, string[]>,
): Promise<Record<Method, string[]>> {
  const scope = { tenant: 'default', userId: question.id, agentId: '' };
  const toTurns = (ids: readonly string[]) =>
    [...new Set(ids.flatMap((id) => turnsOf.get(id) ?? []))].slice(0, TOP_K);
  const input = { query: question.question, scope, topK: TOP_K, scoreThreshold: 0 };
  const results = await latency.engram.time(() => variants.engram.search(input));
  const previous = await latency.previous.time(() => variants.previous.search(input));
  const [embedding = []] = await stack.embedder.embed([question.question]);
  // Over-fetch: several chunks of one long turn may come back.
  const vector = await stack.vectors.query({ embedding, scope, topK: TOP_K * 4 });
  const bm25 = new Bm25Index();
  for (const turn of question.turns) bm25.add(turn.key, turn.text);
  return {
    engram: toTurns(results.map((result) => result.memory.id)),
    previous: toTurns(previous.map((result) => result.memory.id)),
    bm25: bm25.search(question.question, TOP_K),
    vector: toTurns(vector.map((match) => match.id)),
  };
}

function score(table: RecallTable, ranked: readonly string[], question: LongMemEvalQuestion): void {
  table.add('turn_any', new Map(KS.map((k) => [k, recallAny(ranked, question.evidenceTurns, k)])));
  table.add('turn_all', new Map(KS.map((k) => [k, recallAll(ranked, question.evidenceTurns, k)])));
  table.add(
    'session_any',
    new Map([[5, recallAny(sessionsOf(ranked), question.evidenceSessions, 5)]]),
  );
}

function metrics(table: RecallTable) {
  const at = (group: string, k: number) => round(table.mean(group, k));
  return {
    turn: {
      recall_any: { 5: at('turn_any', 5), 10: at('turn_any', 10) },
      recall_all: { 5: at('turn_all', 5), 10: at('turn_all', 10) },
    },
    session: { recall_any: { 5: at('session_any', 5) } },
  };
}

function markdown(
  tables: Record<Method, RecallTable>,
  questions: number,
  turns: number,
  ingestPerSecond: number,
  byType: Record<'engram' | 'previous', Record<string, number>>,
  latency: Record<'engram' | 'previous', Latency>,
): string {
  const rows = METHODS.map((method) => {
    const table = tables[method];
    const cells = [
      table.mean('turn_any', 5),
      table.mean('turn_any', 10),
      table.mean('turn_all', 5),
      table.mean('turn_all', 10),
      table.mean('session_any', 5),
    ];
    return `| ${method} | ${cells.map((cell) => cell.toFixed(3)).join(' | ')} |`;
  });
  const engram = tables.engram.mean('turn_all', 10);
  const bm25 = tables.bm25.mean('turn_all', 10);
  return [
    `LongMemEval-S dev, ${questions} non-abstention questions, each question's haystack its own user (${turns} turns, one memory each: \`role: content\`, dated from the session); top ${TOP_K} turns retrieved with the question. Evidence: turns with \`has_answer\`, sessions in \`answer_session_ids\`; session ranking = sessions of the ranked turns in order.`,
    '',
    '| method | turn any@5 | turn any@10 | turn all@5 | turn all@10 | session any@5 |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    '',
    '| recall_all@10 by type | engram | previous |',
    '|---|---|---|',
    ...Object.entries(byType.engram).map(
      ([type, value]) =>
        `| ${type} | ${value.toFixed(2)} | ${(byType.previous[type] ?? Number.NaN).toFixed(2)} |`,
    ),
    '',
    `\`previous\` is the default before issue 16 (first stage only). Engram / BM25 at turn recall_all@10: ${(engram / bm25).toFixed(2)}×; Engram / previous: ${(engram / tables.previous.mean('turn_all', 10)).toFixed(2)}× (target ≥ 0.85 absolute). Search (top ${TOP_K}, hydrated): engram mean ${latency.engram.mean.toFixed(1)} ms, p95 ${latency.engram.p95.toFixed(1)} ms; previous mean ${latency.previous.mean.toFixed(1)} ms, p95 ${latency.previous.p95.toFixed(1)} ms. Ingest through MemoryService.addMany (batches of ${BATCH}): ${ingestPerSecond.toFixed(0)} memories/s.`,
  ].join('\n');
}

export default longmemeval;
