import { describe, expect, it } from 'vitest';
import { resolveRelativeDate, type TimeDirection } from '../../src/domain/relative-date.js';

// A Saturday afternoon.
const SATURDAY = new Date('2026-05-09T15:00:00Z');
// A Wednesday in January.
const WEDNESDAY = new Date('2026-01-14T09:30:00Z');

function day(text: string, reference = SATURDAY, direction?: TimeDirection): string | undefined {
  return resolveRelativeDate(text, reference, direction)?.toISOString().slice(0, 10);
}

describe('resolveRelativeDate: days and weeks', () => {
  it.each([
    ['we moved here yesterday', '2026-05-08'],
    ['I proposed to her last night', '2026-05-08'],
    ['started today', '2026-05-09'],
    ['signed tomorrow', '2026-05-10'],
    ['three days ago', '2026-05-06'],
    ['2 weeks ago', '2026-04-25'],
    ['a couple of weeks ago', '2026-04-25'],
    ['we moved last week', '2026-04-27'],
    ['this week', '2026-05-04'],
    ['next week', '2026-05-11'],
  ])('"%s" said on Saturday 9 May 2026 starts %s', (text, expected) => {
    expect(day(text)).toBe(expected);
  });

  it.each([
    ['last weekend', SATURDAY, '2026-05-02'],
    ['this weekend', SATURDAY, '2026-05-09'],
    ['last weekend', WEDNESDAY, '2026-01-10'],
    ['this weekend', WEDNESDAY, '2026-01-17'],
  ])('"%s" said on %s is the Saturday %s', (text, reference, expected) => {
    expect(day(text, reference)).toBe(expected);
  });

  it.each([
    ['last friday', 'past', '2026-01-09'],
    ['on monday', 'past', '2026-01-12'],
    ['on monday', 'future', '2026-01-19'],
    ['next friday', 'past', '2026-01-16'],
    ['this friday', 'past', '2026-01-16'],
  ] as const)('"%s" (%s) said on Wednesday 14 January is %s', (text, direction, expected) => {
    expect(day(text, WEDNESDAY, direction)).toBe(expected);
  });

  it('reads "on Tuesdays" as a habit, not a date', () => {
    expect(day('I volunteer on Tuesdays')).toBeUndefined();
  });
});

describe('resolveRelativeDate: months, years and seasons', () => {
  it.each([
    ['we moved to Bellevue last month', '2026-04-01'],
    ['this month', '2026-05-01'],
    ['next month', '2026-06-01'],
    ['last year', '2025-01-01'],
    ['next year', '2027-01-01'],
    ['six years ago', '2020-05-09'],
    ['a month ago', '2026-04-09'],
    ['since 2019', '2019-01-01'],
    ['in March 2024', '2024-03-01'],
    ['on March 3, 2024', '2024-03-03'],
    ['2025-11-30', '2025-11-30'],
  ])('"%s" said on 9 May 2026 starts %s', (text, expected) => {
    expect(day(text)).toBe(expected);
  });

  it.each([
    ['next March', 'past', '2027-03-01'],
    ['last March', 'past', '2026-03-01'],
    ['last May', 'past', '2025-05-01'],
    ['in May', 'past', '2026-05-01'],
    ['in June', 'past', '2025-06-01'],
    ['in June', 'future', '2026-06-01'],
    ['in February', 'future', '2027-02-01'],
    ['on july 3', 'past', '2025-07-03'],
    ['on july 3', 'future', '2026-07-03'],
  ] as const)('"%s" (%s) said in May 2026 starts %s', (text, direction, expected) => {
    expect(day(text, SATURDAY, direction)).toBe(expected);
  });

  it.each([
    ['last summer', SATURDAY, '2025-06-01'],
    ['this summer', SATURDAY, '2026-06-01'],
    ['next summer', SATURDAY, '2026-06-01'],
    ['in the spring', SATURDAY, '2026-03-01'],
    ['this winter', WEDNESDAY, '2025-12-01'],
    ['last winter', WEDNESDAY, '2024-12-01'],
    ['last fall', WEDNESDAY, '2025-09-01'],
  ])('"%s" said on %s starts %s', (text, reference, expected) => {
    expect(day(text, reference)).toBe(expected);
  });

  it('clamps a month back to the last day of a shorter month', () => {
    expect(day('a month ago', new Date('2026-03-31T12:00:00Z'))).toBe('2026-02-28');
  });

  it('takes the first expression in the text', () => {
    expect(day('two years ago, and again last week')).toBe('2024-05-09');
  });

  it.each([
    ['I may go'],
    ['we march on'],
    ['I love this song'],
    ['a few weeks ago'],
    ['in 3 weeks'],
  ])('finds no date in "%s"', (text) => {
    expect(day(text)).toBeUndefined();
  });
});
