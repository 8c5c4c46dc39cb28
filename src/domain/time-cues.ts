import { MONTHS, resolveRelativeDate } from './relative-date.js';

/** What a question says about time, for ranking memories by their dates. */
export interface TimeCues {
  /** "When did …", "what year …", "how long ago …": the evidence is a memory that dates the event. */
  readonly asksWhen: boolean;
  /** A calendar period the question names ("in May 2023", "in 2022"), [start, end) in UTC. */
  readonly period: { readonly start: Date; readonly end: Date } | undefined;
}

const ASKS_WHEN =
  /^(?:when\b|since when\b|what (?:year|month|day|date|time)\b|which (?:year|month|day|date)\b|how long ago\b)|\b(?:when did|when was|when is|when will|what date|how long ago|how many (?:days|weeks|months|years) (?:ago|before|after|passed|had passed|have passed|between))\b/;
const MONTH_YEAR = new RegExp(`\\b(${MONTHS.join('|')}),? ((?:19|20)\\d{2})\\b`);
const YEAR = /\b(?:in|during|of) ((?:19|20)\d{2})\b/;

/** The time cues of a question: whether it asks when, and the calendar period it names. */
export function timeCuesOf(question: string): TimeCues {
  const lower = question.toLowerCase().trim();
  return { asksWhen: ASKS_WHEN.test(lower), period: periodOf(lower) };
}

/** True when the text names a time ("yesterday", "last week", "two years ago", "in May", "2019-03-04"). */
export function mentionsTime(text: string): boolean {
  return resolveRelativeDate(text, new Date(0)) !== undefined;
}

/** True when a memory dated `at` falls in the period, or its text names the period's month or year. */
export function inPeriod(
  period: { readonly start: Date; readonly end: Date },
  at: Date,
  text: string,
): boolean {
  if (at >= period.start && at < period.end) return true;
  const lower = text.toLowerCase();
  const year = String(period.start.getUTCFullYear());
  const sameYear =
    period.end.getUTCFullYear() - period.start.getUTCFullYear() >= 1 &&
    period.start.getUTCMonth() === 0 &&
    period.end.getUTCMonth() === 0;
  if (sameYear) return new RegExp(`\\b${year}\\b`).test(lower);
  return new RegExp(`\\b${MONTHS[period.start.getUTCMonth()] ?? ''}\\b`).test(lower);
}

function periodOf(lower: string): TimeCues['period'] {
  const monthYear = MONTH_YEAR.exec(lower);
  if (monthYear) {
    const month = MONTHS.indexOf(monthYear[1] ?? '');
    const year = Number(monthYear[2]);
    return {
      start: new Date(Date.UTC(year, month, 1)),
      end: new Date(Date.UTC(year, month + 1, 1)),
    };
  }
  const year = YEAR.exec(lower);
  if (!year) return undefined;
  const value = Number(year[1]);
  return { start: new Date(Date.UTC(value, 0, 1)), end: new Date(Date.UTC(value + 1, 0, 1)) };
}
