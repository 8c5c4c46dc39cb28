// RFC 3339 date-time: date, 'T' or space, time with optional fraction, then 'Z' or an offset.
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-](\d{2}):(\d{2}))$/;

/** Earliest and latest instants Engram stores (Postgres and JavaScript both hold them exactly). */
export const EARLIEST_TIMESTAMP = Date.parse('0001-01-01T00:00:00Z');
export const LATEST_TIMESTAMP = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * The instant an RFC 3339 date-time names, or undefined when it is malformed, names a day that
 * does not exist, a leap second, or falls outside years 0001–9999.
 */
export function parseTimestamp(text: string): Date | undefined {
  const match = DATE_TIME.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as number[];
  const offsetHours = match[9] === undefined ? 0 : Number(match[9]);
  const offsetMinutes = match[10] === undefined ? 0 : Number(match[10]);
  if (hour === undefined || minute === undefined || second === undefined) return undefined;
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59)
    return undefined;
  const calendar = new Date(0);
  calendar.setUTCFullYear(year ?? 0, (month ?? 0) - 1, day ?? 0);
  if (calendar.getUTCMonth() !== (month ?? 0) - 1 || calendar.getUTCDate() !== day)
    return undefined;
  const instant = new Date(text.replace(' ', 'T'));
  const time = instant.getTime();
  if (!Number.isFinite(time) || time < EARLIEST_TIMESTAMP || time > LATEST_TIMESTAMP)
    return undefined;
  return instant;
}
