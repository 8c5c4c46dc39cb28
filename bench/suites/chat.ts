import { RulesEntityExtractor } from '../../src/adapters/extraction/rules-entity-extractor.js';
import type { MemoryId } from '../../src/domain/memory.js';
import { EntityExtraction } from '../../src/services/graph/entity-extraction.js';
import { SearchService, type SearchTuning } from '../../src/services/search/search-service.js';
import { CHAT_PEOPLE } from '../chat/chat-people.js';
import type { ChatGraphCheck, ChatPerson, ChatQuestion } from '../chat/chat-script.js';
import type { BenchSuite } from '../support/bench-suite.js';
import { ChatGraphChecker } from '../support/chat-graph-checker.js';
import { type EngramStack, startEngramStack } from '../support/engram-stack.js';
import { round } from '../support/recall-table.js';

const TOP_K = 10;

/** Ranks of one question's answer (1-based; null when not in the top 10). */
interface Asked {
  readonly person: string;
  readonly ask: string;
  readonly answer: string;
  readonly asOf?: string;
  readonly rank: number | null;
  readonly baselineRank: number | null;
  readonly first: string | null;
  readonly baselineFirst: string | null;
}

interface Checked {
  readonly person: string;
  readonly kind: ChatGraphCheck['kind'];
  readonly topic: ChatGraphCheck['topic'];
  readonly check: string;
  readonly found: string;
  readonly passed: boolean;
}

type Searcher = Pick<SearchService, 'recall'>;

/** Scripted months of chat per person: answers at rank 1 / top 3 through recall(), and checks of the graph they leave. */
const chat: BenchSuite = async ({ flags, log }) => {
  validateScripts(CHAT_PEOPLE);
  // `--tuning JSON`: search tuning over the defaults, for experiments.
  const stack = await startEngramStack({
    ...(flags['tuning']
      ? { searchTuning: JSON.parse(flags['tuning']) as Partial<SearchTuning> }
      : {}),
    chromaPort: flags['chroma-port'] ? Number(flags['chroma-port']) : undefined,
  });
  try {
    const baseline = baselineSearch(stack);
    const asked: Asked[] = [];
    const checked: Checked[] = [];
    for (const person of CHAT_PEOPLE) {
      const keys = await ingest(stack, person);
      asked.push(...(await askAll(person, keys, stack.services.search, baseline)));
      checked.push(...(await checkAll(person, stack)));
      log(
        `chat: ${person.label}: ${person.messages.length} messages, ${person.questions.length} questions, ${person.checks.length} graph checks`,
      );
    }
    const result = {
      suite: 'chat',
      people: CHAT_PEOPLE.length,
      messages: CHAT_PEOPLE.reduce((sum, person) => sum + person.messages.length, 0),
      baseline:
        'same stack, SearchService with tuning supersededFactor: 1, answerWithCurrentFacts: false (the ranking before current facts: no supersession, no fact answers)',
      answers: summarizeAnswers(asked),
      graph_checks: summarizeChecks(checked),
      failing_graph_checks: checked
        .filter((row) => !row.passed)
        .map(({ passed: _passed, ...row }) => row),
      questions: asked,
    };
    return { result, markdown: markdown(asked, checked) };
  } finally {
    await stack.close();
  }
};

/** The pre-change ranking on the same stores: superseded memories keep their full score. */
function baselineSearch(stack: EngramStack): SearchService {
  return new SearchService({
    store: stack.store,
    vectors: stack.vectors,
    embedder: stack.embedder,
    extraction: new EntityExtraction(new RulesEntityExtractor({ confidenceThreshold: 0.5 })),
    clock: { now: () => new Date() },
    defaultTopK: TOP_K,
    defaultScoreThreshold: 0,
    tuning: { supersededFactor: 1, answerWithCurrentFacts: false },
  });
}

/** Adds a person's messages in date order, one at a time (later facts close earlier ones); returns memory id → message key. */
async function ingest(stack: EngramStack, person: ChatPerson): Promise<Map<MemoryId, string>> {
  const keys = new Map<MemoryId, string>();
  const ordered = [...person.messages].sort((a, b) => a.at.localeCompare(b.at));
  for (const message of ordered) {
    const { memory } = await stack.services.writer.add({
      content: message.text,
      scope: { tenant: 'default', userId: person.userId, agentId: '' },
      sessionId: `${person.userId}/${message.at.slice(0, 10)}`,
      createdAt: new Date(message.at),
    });
    keys.set(memory.id, message.key);
  }
  return keys;
}

async function askAll(
  person: ChatPerson,
  keys: ReadonlyMap<MemoryId, string>,
  engram: Searcher,
  baseline: Searcher,
): Promise<Asked[]> {
  const asked: Asked[] = [];
  for (const question of person.questions) {
    const [ranked, baselineRanked] = await Promise.all([
      rankedKeys(engram, person, question, keys),
      rankedKeys(baseline, person, question, keys),
    ]);
    asked.push({
      person: person.label,
      ask: question.ask,
      answer: question.answer,
      ...(question.asOf ? { asOf: question.asOf } : {}),
      rank: rankOf(ranked, question.answer),
      baselineRank: rankOf(baselineRanked, question.answer),
      first: ranked[0] ?? null,
      baselineFirst: baselineRanked[0] ?? null,
    });
  }
  return asked;
}

async function rankedKeys(
  search: Searcher,
  person: ChatPerson,
  question: ChatQuestion,
  keys: ReadonlyMap<MemoryId, string>,
): Promise<string[]> {
  const { results } = await search.recall({
    query: question.ask,
    scope: { tenant: 'default', userId: person.userId, agentId: '' },
    topK: TOP_K,
    scoreThreshold: 0,
    ...(question.asOf ? { asOf: new Date(question.asOf) } : {}),
  });
  return results.map((result) => keys.get(result.memory.id) ?? `?${result.memory.id}`);
}

function rankOf(ranked: readonly string[], answer: string): number | null {
  const index = ranked.indexOf(answer);
  return index === -1 ? null : index + 1;
}

async function checkAll(person: ChatPerson, stack: EngramStack): Promise<Checked[]> {
  const checker = new ChatGraphChecker(stack.store.graph, {
    tenant: 'default',
    userId: person.userId,
    agentId: '',
  });
  const checked: Checked[] = [];
  for (const check of person.checks) {
    const outcome = await checker.run(check);
    checked.push({ person: person.label, kind: check.kind, topic: check.topic, ...outcome });
  }
  return checked;
}

/** Counts of answers at rank 1 and in the top 3, for Engram and the baseline. */
interface AnswerCounts {
  readonly questions: number;
  readonly rank1: number;
  readonly top3: number;
  readonly baselineRank1: number;
  readonly baselineTop3: number;
}

function countAnswers(rows: readonly Asked[]): AnswerCounts {
  const within = (rank: number | null, k: number) => rank !== null && rank <= k;
  return {
    questions: rows.length,
    rank1: rows.filter((row) => within(row.rank, 1)).length,
    top3: rows.filter((row) => within(row.rank, 3)).length,
    baselineRank1: rows.filter((row) => within(row.baselineRank, 1)).length,
    baselineTop3: rows.filter((row) => within(row.baselineRank, 3)).length,
  };
}

function summarizeAnswers(asked: readonly Asked[]) {
  const total = countAnswers(asked);
  return {
    total,
    per_person: Object.fromEntries(
      CHAT_PEOPLE.map((person) => [
        person.label,
        countAnswers(asked.filter((row) => row.person === person.label)),
      ]),
    ),
    ratio: {
      rank1: ratio(total.rank1, total.baselineRank1),
      top3: ratio(total.top3, total.baselineTop3),
    },
    as_of: countAnswers(asked.filter((row) => row.asOf !== undefined)),
  };
}

function summarizeChecks(checked: readonly Checked[]) {
  const tally = (rows: readonly Checked[]) => ({
    passed: rows.filter((row) => row.passed).length,
    total: rows.length,
  });
  const by = (field: 'person' | 'kind' | 'topic') =>
    Object.fromEntries(
      [...new Set(checked.map((row) => row[field]))].map((value) => [
        value,
        tally(checked.filter((row) => row[field] === value)),
      ]),
    );
  return {
    ...tally(checked),
    per_person: by('person'),
    by_kind: by('kind'),
    by_topic: by('topic'),
  };
}

function ratio(engram: number, baseline: number): number | null {
  return baseline === 0 ? null : round(engram / baseline);
}

function markdown(asked: readonly Asked[], checked: readonly Checked[]): string {
  const people = CHAT_PEOPLE.map((person) =>
    tableRow(
      person.label,
      asked.filter((item) => item.person === person.label),
      checked.filter((item) => item.person === person.label),
      person.messages.length,
    ),
  );
  const messages = CHAT_PEOPLE.reduce((sum, person) => sum + person.messages.length, 0);
  const total = countAnswers(asked);
  const times = (value: number | null) => (value === null ? 'n/a' : `${value.toFixed(2)}×`);
  return [
    `Scripted chats written for this bench (\`bench/chat/\`): ${CHAT_PEOPLE.length} people, each their own user, ${messages} dated messages over 2026 (jobs, moves, partners, pets, family, managers, changed preferences, corrections, small talk) added in date order through \`MemoryWriter.add\` (rules extraction, first person = the user id); ${asked.length} questions asked later through \`recall()\` (top ${TOP_K}; ${asked.filter((item) => item.asOf).length} of them "back then" with \`asOf\`), each answered by one message; ${checked.length} checks of the stored graph. Baseline: the same stores searched by a \`SearchService\` with \`supersededFactor: 1, answerWithCurrentFacts: false\` (the ranking before current facts), same run.`,
    '',
    '| person | messages | questions | rank 1 | top 3 | baseline rank 1 | baseline top 3 | graph checks passed |',
    '|---|---|---|---|---|---|---|---|',
    ...people,
    tableRow('**all**', asked, checked, messages),
    '',
    `Engram / baseline: rank 1 ${times(ratio(total.rank1, total.baselineRank1))}, top 3 ${times(ratio(total.top3, total.baselineTop3))}. Graph checks by kind: ${tally(checked, 'kind')}; by topic: ${tally(checked, 'topic')}. The failing ones, with what the graph holds instead, are in \`bench/results/chat.json\`.`,
  ].join('\n');
}

function tableRow(
  label: string,
  rows: readonly Asked[],
  checks: readonly Checked[],
  messages: number,
): string {
  const counts = countAnswers(rows);
  const cell = (count: number) =>
    `${count} (${counts.questions === 0 ? '–' : (count / counts.questions).toFixed(2)})`;
  const passed = checks.filter((check) => check.passed).length;
  return `| ${label} | ${messages} | ${counts.questions} | ${cell(counts.rank1)} | ${cell(counts.top3)} | ${cell(counts.baselineRank1)} | ${cell(counts.baselineTop3)} | ${passed}/${checks.length} |`;
}

/** `value passed/total, …` of the checks grouped by a field. */
function tally(checked: readonly Checked[], field: 'kind' | 'topic'): string {
  return [...new Set(checked.map((check) => check[field]))]
    .map((value) => {
      const rows = checked.filter((check) => check[field] === value);
      return `${value} ${rows.filter((check) => check.passed).length}/${rows.length}`;
    })
    .join(', ');
}

/** Every message key is unique and every question's answer is a message of the same person. */
function validateScripts(people: readonly ChatPerson[]): void {
  const seen = new Set<string>();
  for (const person of people) {
    const own = new Set(person.messages.map((message) => message.key));
    for (const message of person.messages) {
      if (seen.has(message.key))
        throw new Error(`chat bench: duplicate message key ${message.key}`);
      seen.add(message.key);
    }
    const unknown = person.questions.find((question) => !own.has(question.answer));
    if (unknown)
      throw new Error(
        `chat bench: ${person.label} question "${unknown.ask}" answers with unknown key ${unknown.answer}`,
      );
  }
}

export default chat;
