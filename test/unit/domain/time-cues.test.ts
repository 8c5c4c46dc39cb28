import { describe, expect, it } from 'vitest';
import { inPeriod, mentionsTime, timeCuesOf } from '../../../src/domain/time-cues.js';

describe('timeCuesOf', () => {
  it('recognises questions that ask when', () => {
    expect(timeCuesOf('When did Caroline go to the support group?').asksWhen).toBe(true);
    expect(timeCuesOf('What year did she move?').asksWhen).toBe(true);
    expect(timeCuesOf('How many days passed between the trip and the party?').asksWhen).toBe(true);
    expect(timeCuesOf('What does Melanie paint?').asksWhen).toBe(false);
  });

  it('turns a named month and year into a period', () => {
    const { period } = timeCuesOf('What did I buy in May 2023?');
    expect(period?.start.toISOString()).toBe('2023-05-01T00:00:00.000Z');
    expect(period?.end.toISOString()).toBe('2023-06-01T00:00:00.000Z');
  });

  it('turns "in 2022" into the year', () => {
    const { period } = timeCuesOf('Where did they travel in 2022?');
    expect(period?.start.toISOString()).toBe('2022-01-01T00:00:00.000Z');
    expect(period?.end.toISOString()).toBe('2023-01-01T00:00:00.000Z');
  });

  it('names no period without a year', () => {
    expect(timeCuesOf('What did I do in May?').period).toBeUndefined();
  });
});

describe('mentionsTime', () => {
  it('finds relative and absolute times', () => {
    expect(mentionsTime('I went there yesterday')).toBe(true);
    expect(mentionsTime('We moved two years ago')).toBe(true);
    expect(mentionsTime('I love painting sunsets')).toBe(false);
  });
});

describe('inPeriod', () => {
  const may = { start: new Date('2023-05-01T00:00:00Z'), end: new Date('2023-06-01T00:00:00Z') };

  it('holds for a memory dated in the period', () => {
    expect(inPeriod(may, new Date('2023-05-08T13:56:00Z'), 'anything')).toBe(true);
    expect(inPeriod(may, new Date('2023-07-08T13:56:00Z'), 'anything')).toBe(false);
  });

  it('holds for a memory that names the month', () => {
    expect(inPeriod(may, new Date('2023-07-08T00:00:00Z'), 'Back in May we hiked')).toBe(true);
  });
});
