import { RulesEntityExtractor } from '../../src/adapters/extraction/rules-entity-extractor.js';
import type { Extraction } from '../../src/domain/extraction.js';
import type { BenchArgs, BenchOutcome } from '../support/bench-suite.js';
import { CompromiseEntityExtractor } from '../support/compromise-entity-extractor.js';
import {
  type ConllDocument,
  type LabeledSpan,
  loadConll2003,
  resolveDataFile,
} from '../support/conll.js';
import { round, type Score, SpanTally } from '../support/span-scores.js';

const DATA_FILE = 'ner/conll2003_dev.txt';
const TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
const OVERALL = ['PER', 'ORG', 'LOC'];
// Our types onto CoNLL's: PRODUCT/EVENT/MISC count as MISC; DATE/TIME/MONEY have no CoNLL label.
const TYPE_MAP: Readonly<Record<string, string>> = {
  PERSON: 'PER',
  ORG: 'ORG',
  LOCATION: 'LOC',
  MISC: 'MISC',
  PRODUCT: 'MISC',
  EVENT: 'MISC',
};

interface SystemRun {
  readonly tally: SpanTally;
  readonly sentencesPerSecond: number;
  /** Sentences per second of this process's CPU time: steadier than wall time on a shared machine. */
  readonly cpuSentencesPerSecond: number;
}

function runSystem(
  documents: readonly ConllDocument[],
  extract: (text: string) => Extraction,
): SystemRun {
  const tally = new SpanTally();
  let sentences = 0;
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const predictions = documents.map((document) => {
    sentences += document.sentences;
    return extract(document.text);
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  documents.forEach((document, index) => {
    const predicted: LabeledSpan[] = (predictions[index]?.entities ?? []).flatMap((entity) => {
      const type = TYPE_MAP[entity.type];
      return type && !entity.isSpeaker ? [{ start: entity.start, end: entity.end, type }] : [];
    });
    tally.add(document.gold, predicted);
  });
  return {
    tally,
    sentencesPerSecond: Math.round(sentences / seconds),
    cpuSentencesPerSecond: Math.round(sentences / cpuSeconds),
  };
}

function f1Table(tally: SpanTally): Record<string, number> {
  const table: Record<string, number> = { overall: tally.score(OVERALL).f1 };
  for (const type of TYPES) table[type] = tally.score([type]).f1;
  return table;
}

function row(name: string, overall: Score, f1: Record<string, number>, run: SystemRun): string {
  return `| ${name} | ${overall.precision} | ${overall.recall} | **${overall.f1}** | ${f1['PER']} | ${f1['ORG']} | ${f1['LOC']} | ${f1['MISC']} | ${run.sentencesPerSecond} | ${run.cpuSentencesPerSecond} |`;
}

/** `engram bench ner`: CoNLL-2003 dev, exact span+type, rules extractor vs compromise alone. */
export default async function run(args: BenchArgs): Promise<BenchOutcome> {
  const file = resolveDataFile(args.data, DATA_FILE);
  if (!file) {
    args.log(`ner: ${DATA_FILE} not found under --data; skipped`);
    return {
      result: { suite: 'ner', skipped: true },
      markdown: `Skipped: ${DATA_FILE} not found.`,
      skipped: true,
    };
  }
  const documents = await loadConll2003(file);
  const sentences = documents.reduce((sum, document) => sum + document.sentences, 0);
  args.log(`ner: ${documents.length} documents, ${sentences} sentences`);
  const rules = new RulesEntityExtractor();
  const compromise = new CompromiseEntityExtractor();
  await Promise.all([rules.init(), compromise.init()]);
  // Warm both systems on the whole set first, so neither pays JIT warm-up inside the timing.
  runSystem(documents, (text) => rules.extractSync(text));
  runSystem(documents.slice(0, 20), (text) => compromise.extractSync(text));
  const ours = runSystem(documents, (text) => rules.extractSync(text));
  const baseline = runSystem(documents, (text) => compromise.extractSync(text));
  const oursOverall = ours.tally.score(OVERALL);
  const baseOverall = baseline.tally.score(OVERALL);
  const oursF1 = f1Table(ours.tally);
  const baseF1 = f1Table(baseline.tally);
  const result = {
    suite: 'ner',
    data: DATA_FILE,
    documents: documents.length,
    sentences,
    f1: oursF1,
    precision: oursOverall.precision,
    recall: oursOverall.recall,
    per_type: Object.fromEntries(TYPES.map((type) => [type, ours.tally.score([type])])),
    sentences_per_second: ours.sentencesPerSecond,
    cpu_sentences_per_second: ours.cpuSentencesPerSecond,
    baseline: {
      name: 'compromise',
      f1: baseF1,
      precision: baseOverall.precision,
      recall: baseOverall.recall,
      sentences_per_second: baseline.sentencesPerSecond,
      cpu_sentences_per_second: baseline.cpuSentencesPerSecond,
    },
    f1_gain_over_baseline: round(oursOverall.f1 - baseOverall.f1),
    type_mapping:
      'PERSON→PER, ORG→ORG, LOCATION→LOC, MISC/PRODUCT/EVENT→MISC; DATE/TIME/MONEY and speaker mentions ignored',
  };
  const markdown = [
    `CoNLL-2003 English dev (${documents.length} documents, ${sentences} sentences), exact span and type. Overall = PER+ORG+LOC micro-average. Each document is one \`extract\` call (one sense per document applies). Confidence threshold 0.5.`,
    '',
    '| system | P | R | F1 overall | PER | ORG | LOC | MISC | sentences/s (wall) | sentences/s (CPU time) |',
    '|---|---|---|---|---|---|---|---|---|---|',
    row('rules (Engram)', oursOverall, oursF1, ours),
    row('compromise alone (baseline)', baseOverall, baseF1, baseline),
    '',
    `F1 gain over baseline: ${result.f1_gain_over_baseline}. Type mapping: ${result.type_mapping}.`,
  ].join('\n');
  return { result, markdown };
}
