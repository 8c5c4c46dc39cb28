import { existsSync, readFileSync } from 'node:fs';

/** One haystack turn: a memory `role: content` in its session, dated from the session. */
export interface LongMemEvalTurn {
  /** `sessionId#turnIndex`, unique within a question. */
  readonly key: string;
  readonly sessionId: string;
  readonly text: string;
  readonly createdAt: Date;
  readonly hasAnswer: boolean;
}

/** A non-abstention question with its own haystack (each question is its own corpus). */
export interface LongMemEvalQuestion {
  readonly id: string;
  readonly type: string;
  readonly question: string;
  readonly turns: readonly LongMemEvalTurn[];
  /** Turn keys marked `has_answer: true`. */
  readonly evidenceTurns: readonly string[];
  readonly evidenceSessions: readonly string[];
}

interface RawQuestion {
  question_id: string;
  question_type: string;
  question: string;
  answer_session_ids: string[];
  haystack_dates: string[];
  haystack_session_ids: string[];
  haystack_sessions: Array<Array<{ role: string; content: string; has_answer?: boolean }>>;
}

/** Parses "2023/04/30 (Sun) 13:59" as UTC. */
export function parseLongMemEvalDate(value: string): Date {
  const match = /(\d{4})\/(\d{2})\/(\d{2})\s*\(\w+\)\s*(\d{2}):(\d{2})/.exec(value);
  if (!match) return new Date('2023-01-01T00:00:00Z');
  const [, year, month, day, hour, minute] = match;
  return new Date(`${year}-${month}-${day}T${hour}:${minute}:00Z`);
}

/** Loads LongMemEval-S questions (abstention `_abs` ones excluded), at most `limit`; undefined if the file is missing. */
export function loadLongMemEval(
  file: string,
  limit = Number.POSITIVE_INFINITY,
): LongMemEvalQuestion[] | undefined {
  if (!existsSync(file)) return undefined;
  const questions: LongMemEvalQuestion[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (questions.length >= limit) break;
    if (!line.trim()) continue;
    const raw = JSON.parse(line) as RawQuestion;
    if (raw.question_id.endsWith('_abs')) continue;
    const turns = raw.haystack_sessions.flatMap((session, index) => {
      const sessionId = raw.haystack_session_ids[index] ?? `session-${index}`;
      const date = parseLongMemEvalDate(raw.haystack_dates[index] ?? '');
      return session.map((turn, turnIndex) => ({
        key: `${sessionId}#${turnIndex}`,
        sessionId,
        text: `${turn.role}: ${turn.content}`,
        createdAt: new Date(date.getTime() + turnIndex * 1000),
        hasAnswer: turn.has_answer === true,
      }));
    });
    const evidenceTurns = turns.filter((turn) => turn.hasAnswer).map((turn) => turn.key);
    questions.push({
      id: raw.question_id,
      type: raw.question_type,
      question: raw.question,
      turns,
      evidenceTurns,
      evidenceSessions: raw.answer_session_ids,
    });
  }
  return questions;
}

/** 1 if any evidence item is among the first k ranked, else 0. */
export function recallAny(
  ranked: readonly string[],
  evidence: readonly string[],
  k: number,
): number {
  const top = new Set(ranked.slice(0, k));
  return evidence.some((item) => top.has(item)) ? 1 : 0;
}

/** 1 if every evidence item is among the first k ranked, else 0. */
export function recallAll(
  ranked: readonly string[],
  evidence: readonly string[],
  k: number,
): number {
  const top = new Set(ranked.slice(0, k));
  return evidence.length > 0 && evidence.every((item) => top.has(item)) ? 1 : 0;
}

/** Sessions of ranked turn keys, first occurrence order. */
export function sessionsOf(rankedTurns: readonly string[]): string[] {
  return [...new Set(rankedTurns.map((key) => key.slice(0, key.lastIndexOf('#'))))];
}
