/**
 * Relative time expressions of conversation ("last month", "two years ago", "next March", "in
 * May", "on Saturday", "this summer") resolved to the start of the period they name, in UTC.
 */

/** Which way an expression without its own direction ("in May", "on Saturday") points. */
export type TimeDirection = 'past' | 'future';

const DAY_MS = 86_400_000;
/** Month names in calendar order, lower case (index = `Date.getUTCMonth()`). */
export const MONTHS: readonly string[] = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
// Meteorological seasons of the northern hemisphere: the month (0-based) each one starts.
const SEASON_START: Readonly<Record<string, number>> = {
  spring: 2,
  summer: 5,
  fall: 8,
  autumn: 8,
  winter: 11,
};
const COUNTS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  'a couple of': 2,
  'couple of': 2,
  'a couple': 2,
};

const MONTH = MONTHS.join('|');
const WEEKDAY = WEEKDAYS.join('|');
const SEASON = Object.keys(SEASON_START).join('|');
const COUNT = `\\d{1,3}|${Object.keys(COUNTS).join('|')}`;
const RELATIVE = 'last|this|next';

type Resolver = (match: RegExpExecArray, today: Date, direction: TimeDirection) => Date | undefined;

// Tried in order on the lower-cased text; the earliest match in the text wins.
const EXPRESSIONS: ReadonlyArray<readonly [RegExp, Resolver]> = [
  [/\b(\d{4})-(\d{2})-(\d{2})\b/, (m) => utc(num(m[1]), num(m[2]) - 1, num(m[3]))],
  [/\b(yesterday|last night)\b/, (_, today) => addDays(today, -1)],
  [/\b(today|tonight|this (?:morning|afternoon|evening))\b/, (_, today) => today],
  [/\b(tomorrow)\b/, (_, today) => addDays(today, 1)],
  [new RegExp(`\\b(${COUNT}) (day|week|month|year)s? ago\\b`), (m, today) => ago(m, today)],
  [new RegExp(`\\b(${RELATIVE}) (week|weekend|month|year)\\b`), (m, today) => period(m, today)],
  [new RegExp(`\\b(${RELATIVE}|on) (${WEEKDAY})\\b(?!s)`), (m, t, d) => weekday(m, t, d)],
  [new RegExp(`\\b(${RELATIVE}|in the) (${SEASON})\\b`), (m, t, d) => season(m, t, d)],
  [
    new RegExp(
      `\\b(?:(${RELATIVE}|in|since|on|by) )?(${MONTH}) (\\d{1,2})(?:st|nd|rd|th)?\\b(?:,? (\\d{4}))?`,
    ),
    (m, t, d) => monthDay(m, t, d),
  ],
  [
    new RegExp(`\\b(${RELATIVE}|in|since|early|late|mid|by)[ -](${MONTH})\\b(?: (\\d{4}))?`),
    (m, t, d) => month(m, t, d),
  ],
  [new RegExp(`\\b(${MONTH}) (\\d{4})\\b`), (m) => utc(num(m[2]), MONTHS.indexOf(m[1] ?? ''), 1)],
  [/\b(?:in|since) ((?:19|20)\d{2})\b/, (m) => utc(num(m[1]), 0, 1)],
];

/**
 * The start (UTC midnight) of the period the first relative time expression in `text` names,
 * resolved against `reference`; `direction` decides expressions that could point either way
 * ("in May", "on Saturday"). Undefined when the text holds no expression it knows.
 */
export function resolveRelativeDate(
  text: string,
  reference: Date,
  direction: TimeDirection = 'past',
): Date | undefined {
  const lower = text.toLowerCase();
  const today = startOfDay(reference);
  let best: { index: number; date: Date } | undefined;
  for (const [pattern, resolve] of EXPRESSIONS) {
    const match = pattern.exec(lower);
    if (!match || (best && best.index <= match.index)) continue;
    const date = resolve(match, today, direction);
    if (date && !Number.isNaN(date.getTime())) best = { index: match.index, date };
  }
  return best?.date;
}

function ago(match: RegExpExecArray, today: Date): Date {
  const count = COUNTS[match[1] ?? ''] ?? num(match[1]);
  const unit = match[2];
  if (unit === 'day') return addDays(today, -count);
  if (unit === 'week') return addDays(today, -7 * count);
  const months = unit === 'month' ? count : 12 * count;
  return addMonths(today, -months);
}

function period(match: RegExpExecArray, today: Date): Date {
  const step = offsetOf(match[1]);
  const year = today.getUTCFullYear();
  switch (match[2]) {
    case 'week':
      return addDays(today, -mondayBased(today) + 7 * step);
    case 'weekend':
      return weekend(today, step);
    case 'month':
      return utc(year, today.getUTCMonth() + step, 1);
    default:
      return utc(year + step, 0, 1);
  }
}

/** Saturday of the weekend: this one (under way or coming), the one before, or the one after. */
function weekend(today: Date, step: number): Date {
  const day = mondayBased(today);
  const onWeekend = day >= 5;
  const thisSaturday = addDays(today, 5 - day);
  if (step === 0) return thisSaturday;
  if (step < 0) return onWeekend ? addDays(thisSaturday, -7) : addDays(today, -(day + 2));
  return onWeekend ? addDays(thisSaturday, 7) : thisSaturday;
}

function weekday(match: RegExpExecArray, today: Date, direction: TimeDirection): Date {
  const target = WEEKDAYS.indexOf(match[2] ?? '');
  const day = mondayBased(today);
  const word = match[1];
  if (word === 'this') return addDays(today, target - day);
  const backwards = word === 'last' || (word === 'on' && direction === 'past');
  if (backwards) return addDays(today, -(((day - target + 6) % 7) + 1));
  return addDays(today, ((target - day + 6) % 7) + 1);
}

function season(match: RegExpExecArray, today: Date, direction: TimeDirection): Date | undefined {
  const start = SEASON_START[match[2] ?? ''] ?? 0;
  const current = seasonStartOf(today).getTime();
  const year = today.getUTCFullYear();
  const starts = [-2, -1, 0, 1, 2].map((offset) => utc(year + offset, start, 1));
  const word = match[1];
  // "this winter" in January is the winter that began in December.
  if (word === 'this')
    return utc(today.getUTCMonth() < 2 && start === 11 ? year - 1 : year, start, 1);
  const before = word === 'last' || (word === 'in the' && direction === 'past');
  // "last summer" is before the season under way; "in the summer" (past) may be this one.
  const inclusive = word === 'in the';
  if (before)
    return starts
      .filter((date) => date.getTime() < current || (inclusive && date.getTime() === current))
      .at(-1);
  return starts.find(
    (date) => date.getTime() > current || (inclusive && date.getTime() === current),
  );
}

function month(match: RegExpExecArray, today: Date, direction: TimeDirection): Date {
  const target = MONTHS.indexOf(match[2] ?? '');
  if (match[3]) return utc(num(match[3]), target, 1);
  return utc(yearOfMonth(match[1], target, today, direction), target, 1);
}

function monthDay(match: RegExpExecArray, today: Date, direction: TimeDirection): Date | undefined {
  const target = MONTHS.indexOf(match[2] ?? '');
  const day = num(match[3]);
  if (day < 1 || day > 31) return undefined;
  if (match[4]) return utc(num(match[4]), target, day);
  const year = today.getUTCFullYear();
  const word = match[1];
  const candidate = utc(year, target, day);
  if (word === 'this') return candidate;
  const backwards = word === 'last' || (word !== 'next' && word !== 'by' && direction === 'past');
  if (backwards)
    return candidate.getTime() <= today.getTime() ? candidate : utc(year - 1, target, day);
  return candidate.getTime() > today.getTime() ? candidate : utc(year + 1, target, day);
}

/** The year of a named month: "last March" is before this month, "next March" after it. */
function yearOfMonth(
  word: string | undefined,
  target: number,
  today: Date,
  direction: TimeDirection,
): number {
  const year = today.getUTCFullYear();
  const current = today.getUTCMonth();
  if (word === 'this') return year;
  if (word === 'last') return target < current ? year : year - 1;
  if (word === 'next' || word === 'by') return target > current ? year : year + 1;
  if (direction === 'past') return target <= current ? year : year - 1;
  return target >= current ? year : year + 1;
}

function seasonStartOf(today: Date): Date {
  const current = today.getUTCMonth();
  if (current < 2) return utc(today.getUTCFullYear() - 1, 11, 1);
  return utc(today.getUTCFullYear(), current - ((current - 2) % 3), 1);
}

function offsetOf(word: string | undefined): number {
  if (word === 'last') return -1;
  return word === 'next' ? 1 : 0;
}

/** Day of the week with Monday 0 … Sunday 6. */
function mondayBased(date: Date): number {
  return (date.getUTCDay() + 6) % 7;
}

function startOfDay(date: Date): Date {
  return utc(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** Whole months later (or earlier), the day clamped to the last day of the target month. */
function addMonths(date: Date, months: number): Date {
  const first = utc(date.getUTCFullYear(), date.getUTCMonth() + months, 1);
  const last = utc(first.getUTCFullYear(), first.getUTCMonth() + 1, 0).getUTCDate();
  return utc(first.getUTCFullYear(), first.getUTCMonth(), Math.min(date.getUTCDate(), last));
}

function utc(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month, day));
}

function num(text: string | undefined): number {
  return Number.parseInt(text ?? '', 10);
}
