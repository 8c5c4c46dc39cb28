import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddMemoryInput } from '../../src/services/memories/memory-inputs.js';
import type { BenchSuite } from '../support/bench-suite.js';
import { Bm25Index } from '../support/bm25.js';
import { startEngramStack } from '../support/engram-stack.js';
import { loadLocomo, recallAt } from '../support/locomo-data.js';
import { RecallTable, round } from '../support/recall-table.js';
import { Latency, searchVariants } from '../support/search-variants.js';
import { ThresholdStudy } from '../support/threshold-study.js';

const KS = [5, 10, 20] as const;
const GROUPS = ['1', '2', '3', '4', '5', '1-4'];

/** LoCoMo dev retrieval: Engram's hybrid search vs BM25-only and vector-only, same memories, same run. */
const locomo: BenchSuite = async ({ data, flags, log }) => {
  const file = data?.endsWith('.json')
    ? data
    : path.join(data ?? '../shared/data', 'locomo/locomo_dev.json');
  const dataset = loadLocomo(path.resolve(file));
  if (!dataset) {
    log(`locomo: ${file} not found; skipping`);
    return {
      result: { suite: 'locomo', skipped: `missing ${file}` },
      markdown: `skipped: ${file} not found`,
      skipped: true,
    };
  }
  const stack = await startEngramStack({
    chromaPort: flags['chroma-port'] ? Number(flags['chroma-port']) : undefined,
  });
  try {
    const diaIdsOf = new Map<string, string[]>();
    const bm25 = new Map<string, Bm25Index>();
    const started = performance.now();
    const batch: Array<{ input: AddMemoryInput; diaId: string }> = [];
    const flush = async () => {
      const items = batch.splice(0);
      const results = await stack.services.writer.addMany(items.map((item) => item.input));
      results.forEach((result, index) => {
        const diaId = items[index]?.diaId;
        if (result instanceof Error || !diaId) return;
        diaIdsOf.set(result.memory.id, [...(diaIdsOf.get(result.memory.id) ?? []), diaId]);
      });
    };
    let previousSession = '';
    let turnInSession = 0;
    for (const [index, turn] of dataset.turns.entries()) {
      const sessionId = `${turn.conversation}/session_${turn.session}`;
      turnInSession = sessionId === previousSession ? turnInSession + 1 : 0;
      previousSession = sessionId;
      batch.push({
        diaId: turn.diaId,
        input: {
          content: turn.text,
          scope: { tenant: 'default', userId: turn.conversation, agentId: '' },
          sessionId,
          metadata: {
            conversation: turn.conversation,
            session: turn.session,
            dia_id: turn.diaId,
            speaker: turn.speaker,
          },
          // A chat turn has its own time: the session's date plus one second per turn.
          createdAt: new Date(turn.date.getTime() + turnInSession * 1000),
        },
      });
      const corpus = bm25.get(turn.conversation) ?? new Bm25Index();
      corpus.add(turn.diaId, turn.text);
      bm25.set(turn.conversation, corpus);
      if (batch.length >= 100) await flush();
      if (index % 500 === 0) log(`locomo: ingested ${index}/${dataset.turns.length}`);
    }
    await flush();
    const ingestSeconds = (performance.now() - started) / 1000;
    const tables = {
      engram: new RecallTable(KS),
      previous: new RecallTable(KS),
      bm25: new RecallTable(KS),
      vector: new RecallTable(KS),
    };
    const variants = searchVariants(stack, flags);
    const latency = { engram: new Latency(), previous: new Latency() };
    const featureRows: unknown[] = [];
    const labTables = new Map(variants.lab.map(({ name }) => [name, new RecallTable(KS)]));
    const toDia = (ids: readonly string[]) => ids.flatMap((id) => diaIdsOf.get(id) ?? []);
    const thresholds = new ThresholdStudy([0.05, 0.1, 0.15, 0.2, 0.25, 0.3]);
    const topTen: string[][] = [];
    for (const question of dataset.questions) {
      const scope = { tenant: 'default', userId: question.conversation, agentId: '' };
      const input = { query: question.question, scope, topK: 20, scoreThreshold: 0 };
      const results = await latency.engram.time(() => variants.engram.search(input));
      const traced = variants.lastFeatures();
      if (flags['features'] && traced)
        featureRows.push({
          conversation: question.conversation,
          category: question.category,
          evidenceCount: question.evidence.length,
          evidence: traced.rows.map((row) =>
            toDia([row.id]).some((id) => question.evidence.includes(id)),
          ),
          features: traced.rows.map((row) => row.features),
        });
      const previous = await latency.previous.time(() => variants.previous.search(input));
      for (const { name, search } of variants.lab) {
        const list = toDia((await search.search(input)).map((result) => result.memory.id));
        const recall = new Map(KS.map((k) => [k, recallAt(list, question.evidence, k)]));
        labTables.get(name)?.add(String(question.category), recall);
        if (question.category <= 4) labTables.get(name)?.add('1-4', recall);
      }
      const [embedding = []] = await stack.embedder.embed([question.question]);
      const vector = await stack.vectors.query({ embedding, scope, topK: 20 });
      if (question.category <= 4) {
        thresholds.add(
          results.map((result) => ({
            score: result.score,
            relevant: toDia([result.memory.id]).some((id) => question.evidence.includes(id)),
          })),
          question.evidence.length,
        );
      }
      topTen.push(results.slice(0, 10).map((result) => toDia([result.memory.id]).join('+')));
      const ranked = {
        engram: toDia(results.map((result) => result.memory.id)),
        previous: toDia(previous.map((result) => result.memory.id)),
        bm25: bm25.get(question.conversation)?.search(question.question, 20) ?? [],
        vector: toDia(vector.map((match) => match.id)),
      };
      for (const [name, list] of Object.entries(ranked)) {
        const recall = new Map(KS.map((k) => [k, recallAt(list, question.evidence, k)]));
        const table = tables[name as keyof typeof tables];
        table.add(String(question.category), recall);
        if (question.category <= 4) table.add('1-4', recall);
      }
    }
    await variants.saveFeatures(featureRows);
    for (const [name, table] of labTables)
      log(
        `locomo lab ${name}: R@10 (1-4) ${table.mean('1-4', 10).toFixed(3)}; ${GROUPS.map((group) => `${group} ${table.mean(group, 10).toFixed(3)}`).join(', ')}`,
      );
    // `--top-ten FILE` keeps every question's top-10 turns, to check a change leaves rankings alone.
    if (flags['top-ten']) await writeFile(flags['top-ten'], `${JSON.stringify(topTen)}\n`);
    const result = {
      suite: 'locomo',
      questions: dataset.questions.length,
      memories: dataset.turns.length,
      recall: tables.engram.toJson(GROUPS),
      baselines: {
        previous_default: tables.previous.toJson(GROUPS),
        bm25: tables.bm25.toJson(GROUPS),
        vector: tables.vector.toJson(GROUPS),
      },
      tuning: variants.tuning,
      ingest_per_second: round(dataset.turns.length / ingestSeconds),
      search_ms_mean: round(latency.engram.mean),
      search_ms_p95: round(latency.engram.p95),
      previous_search_ms_mean: round(latency.previous.mean),
      previous_search_ms_p95: round(latency.previous.p95),
      score_threshold_study: thresholds.toJson(),
    };
    return {
      result,
      markdown: `${markdown(tables, result.ingest_per_second, latency)}\n\n${thresholds.toMarkdown()}`,
    };
  } finally {
    await stack.close();
  }
};

function markdown(
  tables: Record<string, RecallTable>,
  ingestPerSecond: number,
  latency: Record<'engram' | 'previous', Latency>,
): string {
  const rows = Object.entries(tables).map(([name, table]) => {
    const cells = KS.map((k) => table.mean('1-4', k).toFixed(3));
    const perCategory = ['1', '2', '3', '4', '5'].map((group) => table.mean(group, 10).toFixed(3));
    return `| ${name} | ${cells.join(' | ')} | ${perCategory.join(' | ')} |`;
  });
  const engram = tables['engram']?.mean('1-4', 10) ?? 0;
  const bm25 = tables['bm25']?.mean('1-4', 10) ?? 1;
  const previous = tables['previous']?.mean('1-4', 10) ?? 1;
  const ms = (name: 'engram' | 'previous') =>
    `mean ${latency[name].mean.toFixed(1)} ms, p95 ${latency[name].p95.toFixed(1)} ms`;
  return [
    'LoCoMo dev, each turn a memory, each conversation its own user; recall of evidence turns.',
    '',
    '| method | R@5 (1–4) | R@10 (1–4) | R@20 (1–4) | R@10 cat 1 | cat 2 | cat 3 | cat 4 | cat 5 |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `\`previous\` is the default before issue 16 (first stage only: channels, fusion, neighbours). Engram / BM25 at R@10 (1–4): ${(engram / bm25).toFixed(2)}×; Engram / previous: ${(engram / previous).toFixed(2)}×. Ingest through MemoryService.addMany in batches of 100 (extraction + embedding + Chroma): ${ingestPerSecond.toFixed(0)} memories/s. Search (top 20, hydrated): engram ${ms('engram')}; previous ${ms('previous')}.`,
  ].join('\n');
}

export default locomo;
