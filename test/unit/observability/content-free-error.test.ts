import { expect, it } from 'vitest';
import { contentFreeError } from '../../../src/observability/logger.js';

it('drops SQL parameters from a failed query error and its causes', () => {
  const error = new Error(
    'Failed query: insert into memories (content) values ($1)\nparams: My secret diary entry',
    { cause: new Error('Failed query: select 1\nparams: another secret') },
  );
  const serialised = JSON.stringify(contentFreeError(error));
  expect(serialised).not.toContain('secret');
  expect(serialised).toContain('insert into memories');
});
