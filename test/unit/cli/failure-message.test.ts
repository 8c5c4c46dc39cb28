import { DrizzleQueryError } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { failureMessage } from '../../../src/cli/failure-message.js';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

it('names a missing database instead of printing the failed SQL', () => {
  const error = new DrizzleQueryError(
    'select 1',
    [],
    withCode('database "x" does not exist', '3D000'),
  );
  expect(failureMessage(error)).toContain('does not exist');
  expect(failureMessage(error)).not.toContain('select 1');
});

it('names a full disk even when the error has no message', () => {
  expect(failureMessage(withCode('', 'ENOSPC'))).toContain('no space left');
});

it('never prints undefined for an error without a message', () => {
  expect(failureMessage(new Error(''))).toBe('Error');
  expect(failureMessage(undefined)).toBe('unknown failure');
});
