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

/** One dev set in the CoNLL-2003 layout, and the gold types it labels. */
interface NerDataSet {
  readonly key: string;
  readonly label: string;
  readonly file: string;
  readonly types: readonly string[];
  readonly note: string;
}

const DATA_SETS: readonly NerDataSet[] = [
  {
    key: 'conll2003',
    label: 'CoNLL-2003 news',
    file: 'ner/conll2003_dev.txt',
    types: ['PER', 'ORG', 'LOC', 'MISC'],
    note: 'Reuters news, English dev; one document per article',
  },
  {
    key: 'ontonotes_conversation',
    label: 'OntoNotes conversation',
    file: 'ner/ontonotes_conversation_dev.conll',
    types: ['PER', 'ORG', 'LOC'],
    note: 'OntoNotes 5.0 dev, broadcast and telephone conversation; GPE and LOC count as LOC',
  },
  {
    key: 'wnut17',
    label: 'WNUT-17 social media',
    file: 'ner/wnut17_dev.conll',
    types: ['PER', 'ORG', 'LOC'],
    note: 'WNUT-17 dev, one document per comment; corporation and group count as ORG',
  },
];
const OVERALL = ['PER', 'ORG', 'LOC'];
// Our types onto the gold labels: PRODUCT/EVENT/MISC count as MISC; DATE/TIME/MONEY have no label.
const TYPE_MAP: Readonly<Record<string, string>> = {
  PERSON: 'PER',
  ORG: 'ORG',
  LOCATION: 'LOC',
  MISC: 'MISC',
  PRODUCT: 'MISC',
  EVENT: 'MISC',
};
const TYPE_MAPPING =
  'PERSON→PER, ORG→ORG, LOCATION→LOC, MISC/PRODUCT/EVENT→MISC; DATE/TIME/MONEY and speaker mentions ignored';

type Extract = (text: string) => Extraction;

interface SystemRun {
  readonly tally: SpanTally;
  readonly sentencesPerSecond: number;
  /** Sentences per second of this process's CPU time: steadier than wall time on a shared machine. */
  readonly cpuSentencesPerSecond: number;
}

interface SetResult {
  readonly set: NerDataSet;
  readonly documents: number;
  readonly sentences: number;
  readonly ours: SystemRun;
  readonly baseline: SystemRun;
}

function runSystem(documents: readonly ConllDocument[], extract: Extract): SystemRun {
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

async function runSet(
  set: NerDataSet,
  file: string,
  rules: Extract,
  compromise: Extract,
): Promise<SetResult> {
  const documents = await loadConll2003(file);
  const sentences = documents.reduce((sum, document) => sum + document.sentences, 0);
  // Warm both systems first, so neither pays JIT warm-up inside the timing.
  runSystem(documents, rules);
  runSystem(documents.slice(0, 20), compromise);
  const ours = runSystem(documents, rules);
  const baseline = runSystem(documents, compromise);
  return { set, documents: documents.length, sentences, ours, baseline };
}

function systemJson(run: SystemRun, types: readonly string[]): Record<string, unknown> {
  const overall = run.tally.score(OVERALL);
  return {
    precision: overall.precision,
    recall: overall.recall,
    f1: overall.f1,
    per_type: Object.fromEntries(types.map((type) => [type, run.tally.score([type])])),
    sentences_per_second: run.sentencesPerSecond,
    cpu_sentences_per_second: run.cpuSentencesPerSecond,
  };
}

function setJson(result: SetResult): Record<string, unknown> {
  const oursF1 = result.ours.tally.score(OVERALL).f1;
  const baseF1 = result.baseline.tally.score(OVERALL).f1;
  return {
    data: result.set.file,
    documents: result.documents,
    sentences: result.sentences,
    rules: systemJson(result.ours, result.set.types),
    baseline: { name: 'compromise', ...systemJson(result.baseline, result.set.types) },
    f1_gain_over_baseline: round(oursF1 - baseF1),
    f1_ratio_to_baseline: baseF1 === 0 ? null : round(oursF1 / baseF1),
  };
}

function cell(score: Score, bold = false): string {
  const text = `${score.precision} / ${score.recall} / ${score.f1}`;
  return bold ? `**${text}**` : text;
}

function rows(result: SetResult): string[] {
  const line = (name: string, run: SystemRun): string => {
    const perType = ['PER', 'ORG', 'LOC', 'MISC'].map((type) =>
      result.set.types.includes(type) ? cell(run.tally.score([type])) : '—',
    );
    return `| ${result.set.label} | ${name} | ${cell(run.tally.score(OVERALL), true)} | ${perType.join(' | ')} | ${run.sentencesPerSecond} | ${run.cpuSentencesPerSecond} |`;
  };
  return [line('rules (Engram)', result.ours), line('compromise alone', result.baseline)];
}

function summaryLine(result: SetResult): string {
  const ours = result.ours.tally.score(OVERALL).f1;
  const base = result.baseline.tally.score(OVERALL).f1;
  const ratio = base === 0 ? '—' : `${round(ours / base)}×`;
  return `- ${result.set.label} (\`${result.set.file}\`, ${result.documents} documents, ${result.sentences} sentences; ${result.set.note}): F1 ${ours} vs ${base}, gain ${round(ours - base)}, ratio ${ratio}.`;
}

function markdown(results: readonly SetResult[], missing: readonly NerDataSet[]): string {
  return [
    'Every dev set in one run, each against compromise alone (the baseline) in the same run. Exact span and type; cells are P / R / F1. Overall = PER+ORG+LOC micro-average (the types all three sets label). Each document is one `extract` call (one sense per document applies). Confidence threshold 0.5.',
    '',
    '| data | system | overall P / R / F1 | PER | ORG | LOC | MISC | sentences/s (wall) | sentences/s (CPU time) |',
    '|---|---|---|---|---|---|---|---|---|',
    ...results.flatMap(rows),
    '',
    ...results.map(summaryLine),
    ...missing.map((set) => `- ${set.label}: \`${set.file}\` not found under --data; skipped.`),
    '',
    `Type mapping: ${TYPE_MAPPING}. OntoNotes and WNUT-17 label no MISC, so MISC output costs nothing there.`,
  ].join('\n');
}

/** `engram bench ner`: CoNLL-2003 news, OntoNotes conversation and WNUT-17 dev, rules vs compromise alone. */
export default async function run(args: BenchArgs): Promise<BenchOutcome> {
  const found = DATA_SETS.map((set) => ({ set, file: resolveDataFile(args.data, set.file) }));
  const missing = found.filter((entry) => !entry.file).map((entry) => entry.set);
  if (missing.length === DATA_SETS.length) {
    args.log('ner: no NER dev set found under --data; skipped');
    return {
      result: { suite: 'ner', skipped: true },
      markdown: 'Skipped: no NER dev set found.',
      skipped: true,
    };
  }
  const rules = new RulesEntityExtractor();
  const compromise = new CompromiseEntityExtractor();
  await Promise.all([rules.init(), compromise.init()]);
  const results: SetResult[] = [];
  for (const { set, file } of found) {
    if (!file) continue;
    const result = await runSet(
      set,
      file,
      (text) => rules.extractSync(text),
      (text) => compromise.extractSync(text),
    );
    args.log(`ner: ${set.label}: ${result.documents} documents, ${result.sentences} sentences`);
    results.push(result);
  }
  const result = {
    suite: 'ner',
    sets: Object.fromEntries(results.map((entry) => [entry.set.key, setJson(entry)])),
    skipped_sets: missing.map((set) => set.file),
    type_mapping: TYPE_MAPPING,
  };
  return { result, markdown: markdown(results, missing) };
}
