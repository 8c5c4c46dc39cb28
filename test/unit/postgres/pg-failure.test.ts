import { DrizzleQueryError } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DatabaseBusyError, pgFailure } from '../../../src/adapters/postgres/pg-failure.js';
import {
  InvalidInputError,
  NotFoundError,
  StorageFullError,
  UpstreamUnavailableError,
} from '../../../src/domain/errors.js';

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('pgFailure', () => {
  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a reset connection', withCode('read ECONNRESET', 'ECONNRESET')],
    ['an administrator shutdown', withCode('terminating connection', '57P01')],
    ['a connection exception', withCode('connection failure', '08006')],
    ['a terminated connection', new Error('Connection terminated unexpectedly')],
    ['a closed PGlite', new Error('PGlite is closed')],
    [
      'refusals on every address',
      new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], 'failed'),
    ],
  ])('turns %s into upstream_unavailable keeping the cause', (_name, error) => {
    const translated = pgFailure(error, 'query');

    expect(translated).toBeInstanceOf(UpstreamUnavailableError);
    expect((translated as Error).cause).toBe(error);
  });

  it('finds a lost connection inside drizzle’s query error without repeating its parameters', () => {
    const lost = withCode('terminating connection due to administrator command', '57P01');
    const wrapped = new DrizzleQueryError('select $1', ['private text'], lost);

    const translated = pgFailure(wrapped, 'query') as Error;

    expect(translated).toBeInstanceOf(UpstreamUnavailableError);
    expect(translated.cause).toBe(wrapped);
    expect(translated.message).not.toContain('private text');
  });

  it('returns other failures unchanged', () => {
    const unique = withCode('duplicate key value violates unique constraint', '23505');
    const notFound = new NotFoundError('memory', 'm1');

    expect(pgFailure(unique, 'query')).toBe(unique);
    expect(pgFailure(notFound, 'query')).toBe(notFound);
  });

  it.each([
    ['a NUL byte', withCode('invalid byte sequence for encoding "UTF8": 0x00', '22021')],
    ['a date out of range', withCode('date/time field value out of range', '22008')],
    ['an integer out of range', withCode('value "1e309" is out of range', '22003')],
    ['jsonb nested too deep', withCode('stack depth limit exceeded', '54001')],
  ])('turns %s into invalid_input', (_name, error) => {
    expect(pgFailure(error, 'query')).toBeInstanceOf(InvalidInputError);
  });

  it.each([
    ['a full disk on the server', withCode('could not extend file', '53100')],
    ['ENOSPC from the file system', withCode('ENOSPC: no space left on device, write', 'ENOSPC')],
  ])('turns %s into storage_full', (_name, error) => {
    expect(pgFailure(error, 'query')).toBeInstanceOf(StorageFullError);
  });

  it('marks deadlocks and serialization failures for a retry', () => {
    expect(pgFailure(withCode('deadlock detected', '40P01'), 'query')).toBeInstanceOf(
      DatabaseBusyError,
    );
    expect(pgFailure(withCode('could not serialize', '40001'), 'query')).toBeInstanceOf(
      DatabaseBusyError,
    );
  });
});
