import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RulesEntityExtractor } from '../../src/adapters/extraction/rules-entity-extractor.js';
import { splitSentences } from '../../src/domain/sentences.js';
import { mentionsName } from '../../src/services/conversations/summary-sentences.js';
import { SummaryService } from '../../src/services/conversations/summary-service.js';
import type { BenchArgs, BenchOutcome } from '../support/bench-suite.js';

const DATA_FILE = 'locomo/locomo_dev.json';
const DEFAULT_DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));

interface Turn {
  readonly speaker: string;
  readonly text: string;
}

interface Session {
  readonly id: string;
  readonly text: string;
}

interface Tally {
  appended: number;
  retained: number;
  required: number;
  retentionSum: number;
  ratioSum: number;
  perfect: number;
  sessions: number;
}

function dataFile(data: string | undefined): string | undefined {
  const candidate = data ?? DEFAULT_DATA;
  if (!existsSync(candidate)) return undefined;
  const file = statSync(candidate).isDirectory() ? path.join(candidate, DATA_FILE) : candidate;
  return existsSync(file) ? file : undefined;
}

/** One session = its turns as `speaker: text` lines. */
async function loadSessions(file: string): Promise<Session[]> {
  const samples = JSON.parse(await readFile(file, 'utf8')) as {
    sample_id: string;
    conversation: Record<string, unknown>;
  }[];
  return samples.flatMap((sample) =>
    Object.entries(sample.conversation)
      .filter(
        (entry): entry is [string, Turn[]] =>
          /^session_\d+$/.test(entry[0]) && Array.isArray(entry[1]),
      )
      .map(([key, turns]) => ({
        id: `${sample.sample_id}/${key}`,
        text: turns.map((turn) => `${turn.speaker}: ${turn.text}`).join('\n'),
      })),
  );
}

function emptyTally(): Tally {
  return {
    appended: 0,
    retained: 0,
    required: 0,
    retentionSum: 0,
    ratioSum: 0,
    perfect: 0,
    sessions: 0,
  };
}

function record(tally: Tally, source: string, summary: string, names: readonly string[]) {
  const kept = names.filter((name) => mentionsName(summary, name)).length;
  tally.retained += kept;
  tally.required += names.length;
  tally.retentionSum += names.length === 0 ? 1 : kept / names.length;
  tally.perfect += kept === names.length ? 1 : 0;
  tally.ratioSum += summary.length / source.length;
  tally.sessions += 1;
}

/** Leading sentences of the source within a character budget (the classic Lead baseline). */
function lead(text: string, budget: number): string {
  const chosen: string[] = [];
  let length = 0;
  for (const sentence of splitSentences(text)) {
    if (chosen.length > 0 && length + sentence.text.length + 1 > budget) break;
    chosen.push(sentence.text);
    length += sentence.text.length + 1;
  }
  return chosen.join(' ');
}

function summaryOf(tally: Tally) {
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return {
    entity_retention: round(tally.retained / Math.max(tally.required, 1)),
    mean_session_retention: round(tally.retentionSum / Math.max(tally.sessions, 1)),
    sessions_all_entities_kept: round(tally.perfect / Math.max(tally.sessions, 1)),
    mean_compression_ratio: round(tally.ratioSum / Math.max(tally.sessions, 1)),
  };
}

/** `engram bench summarize`: extractive summaries of LoCoMo sessions; Lead and TextRank-only baselines. */
export default async function run(args: BenchArgs): Promise<BenchOutcome> {
  const file = dataFile(args.data);
  if (!file) {
    args.log(`summarize: ${DATA_FILE} not found under --data; skipped`);
    return {
      result: { suite: 'summarize', skipped: true },
      markdown: `Skipped: ${DATA_FILE} not found.`,
      skipped: true,
    };
  }
  const sessions = await loadSessions(file);
  args.log(`summarize: ${sessions.length} sessions`);
  const extractor = new RulesEntityExtractor();
  await extractor.init();
  const service = new SummaryService({ extractor });
  await service.summarize(sessions[0]?.text ?? 'Warm up.', { preserveEntities: true });
  const ours = emptyTally();
  const leadTally = emptyTally();
  const textRankOnly = emptyTally();
  let seconds = 0;
  let sourceChars = 0;
  for (const session of sessions) {
    const started = process.hrtime.bigint();
    const result = await service.summarize(session.text, { preserveEntities: true });
    seconds += Number(process.hrtime.bigint() - started) / 1e9;
    sourceChars += session.text.length;
    record(ours, session.text, result.summary, result.entities);
    ours.appended += result.missingEntities.length;
    record(leadTally, session.text, lead(session.text, result.summary.length), result.entities);
    const plain = await service.summarize(session.text, { preserveEntities: false });
    record(textRankOnly, session.text, plain.summary, result.entities);
  }
  const sessionsPerSecond = Math.round((sessions.length / seconds) * 10) / 10;
  const result = {
    suite: 'summarize',
    data: DATA_FILE,
    sessions: sessions.length,
    mean_session_chars: Math.round(sourceChars / sessions.length),
    extractor: 'rules',
    ...summaryOf(ours),
    appended_entity_share: Math.round((ours.appended / Math.max(ours.required, 1)) * 1000) / 1000,
    sessions_per_second: sessionsPerSecond,
    baselines: [
      { name: 'lead (same character budget)', ...summaryOf(leadTally) },
      { name: 'textrank without entity coverage', ...summaryOf(textRankOnly) },
    ],
  };
  return { result, markdown: markdown(result, ours, leadTally, textRankOnly) };
}

function markdown(
  result: {
    sessions: number;
    sessions_per_second: number;
    mean_session_chars: number;
    appended_entity_share: number;
  },
  ...tallies: Tally[]
): string {
  const names = [
    '**extractive (TextRank + entity coverage)**',
    'Lead, same character budget (baseline)',
    'TextRank, no entity coverage (baseline)',
  ];
  const rows = tallies.map((tally, index) => {
    const score = summaryOf(tally);
    return `| ${names[index]} | ${score.entity_retention} | ${score.sessions_all_entities_kept} | ${score.mean_compression_ratio} |`;
  });
  return [
    `LoCoMo dev, ${result.sessions} sessions (each = its \`speaker: text\` turns, mean ${result.mean_session_chars} chars); entity names found by the rules extractor (speaker pronouns excluded); a name is retained when it occurs in the summary, case-insensitively, as whole words. No LLM.`,
    '',
    '| summariser | entity retention | sessions with every entity | mean compression (summary/source chars) |',
    '|---|---|---|---|',
    ...rows,
    '',
    `Share of names kept only by the appended "Also mentioned" line (no sentence contained them): ${result.appended_entity_share}.`,
    `Speed (ours, entity extraction included): ${result.sessions_per_second} sessions/s.`,
  ].join('\n');
}
