import { InvalidInputError } from '../domain/errors.js';

/**
 * A date-time from a request. The schema's `date-time` format lets through values that Postgres
 * refuses (year 0000, a leap second): those are invalid input here, not a 5xx later.
 */
export function instantOf(value: string, field: string): Date {
  const date = new Date(value);
  const year = date.getUTCFullYear();
  if (Number.isNaN(date.getTime()) || year < 1 || year > 9999)
    throw new InvalidInputError(`${field} is not a valid date-time`);
  return date;
}
