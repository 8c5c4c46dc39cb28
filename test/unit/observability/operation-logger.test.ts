import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../src/domain/errors.js';
import { type LogSettings, loggerOptions } from '../../../src/observability/logger.js';
import {
  type OperationClock,
  OperationLogger,
} from '../../../src/observability/operation-logger.js';

const FIXED = new Date('2025-03-04T05:06:07.890Z');

function stepClock(stepsMs: number[]): OperationClock {
  const readings = [...stepsMs];
  return { now: () => FIXED, monotonicMs: () => readings.shift() ?? 0 };
}

function setup(settings: LogSettings, clock: OperationClock = stepClock([])) {
  const lines: string[] = [];
  const destination = { write: (line: string) => void lines.push(line) };
  const logger = pino(loggerOptions(settings), destination);
  const operations = new OperationLogger(logger, settings, clock);
  const entries = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { operations, entries };
}

const INFO: LogSettings = { level: 'info', content: false };
const DEBUG_CONTENT: LogSettings = { level: 'debug', content: true };

describe('OperationLogger', () => {
  it('writes the spec fields, the request id and an info level', () => {
    const { operations, entries } = setup(INFO);
    operations.log({
      operation: 'add',
      durationMs: 12.34567,
      details: { memory_id: 'm1', chunks: 2 },
      requestId: 'req-7',
    });
    expect(entries()).toEqual([
      expect.objectContaining({
        level: 30,
        msg: 'memory operation',
        timestamp: '2025-03-04T05:06:07.890Z',
        operation: 'add',
        duration: 12.346,
        details: { memory_id: 'm1', chunks: 2 },
        request_id: 'req-7',
      }),
    ]);
  });

  it('leaves request_id out when none is given', () => {
    const { operations, entries } = setup(INFO);
    operations.log({ operation: 'search', durationMs: 1 });
    expect(entries()[0]).not.toHaveProperty('request_id');
    expect(entries()[0]?.['details']).toEqual({});
  });

  it('redacts memory text at info level even with content logging on', () => {
    const { operations, entries } = setup({ level: 'info', content: true });
    operations.log({
      operation: 'add',
      durationMs: 1,
      details: { content: 'John lives in Seattle', memories: [{ id: 'm1', text: 'secret' }] },
    });
    expect(entries()[0]?.['details']).toEqual({
      content: '[Redacted]',
      memories: [{ id: 'm1', text: '[Redacted]' }],
    });
  });

  it('redacts memory text at debug level without LOG_CONTENT', () => {
    const { operations, entries } = setup({ level: 'debug', content: false });
    operations.log({ operation: 'search', durationMs: 1, details: { query: 'where is John' } });
    expect(entries()[0]?.['details']).toEqual({ query: '[Redacted]' });
  });

  it('keeps memory text at debug level with LOG_CONTENT', () => {
    const { operations, entries } = setup(DEBUG_CONTENT);
    operations.log({
      operation: 'update',
      durationMs: 1,
      details: { old_content: 'a', new_content: 'b', query: 'q' },
    });
    expect(entries()[0]?.['details']).toEqual({ old_content: 'a', new_content: 'b', query: 'q' });
  });

  it('always redacts credentials', () => {
    const { operations, entries } = setup(DEBUG_CONTENT);
    operations.log({
      operation: 'chat',
      durationMs: 1,
      details: { llm: { apiKey: 'sk-123', model: 'llama3.1' }, token: 't' },
    });
    expect(entries()[0]?.['details']).toEqual({
      llm: { apiKey: '[Redacted]', model: 'llama3.1' },
      token: '[Redacted]',
    });
  });

  it('times an operation and returns its result', async () => {
    const { operations, entries } = setup(INFO, stepClock([100, 142.5]));
    const result = await operations.time('search', async () => ['m1'], {
      details: { top_k: 5 },
      requestId: 'req-1',
    });
    expect(result).toEqual(['m1']);
    expect(entries()[0]).toMatchObject({
      operation: 'search',
      duration: 42.5,
      details: { top_k: 5 },
      request_id: 'req-1',
    });
  });

  it('logs a failed operation at warn with its error code and rethrows', async () => {
    const { operations, entries } = setup(INFO, stepClock([0, 3]));
    const failing = operations.time('get', async () => {
      throw new NotFoundError('memory', 'm9');
    });
    await expect(failing).rejects.toBeInstanceOf(NotFoundError);
    expect(entries()[0]).toMatchObject({
      level: 40,
      msg: 'memory operation failed',
      operation: 'get',
      duration: 3,
      error: 'not_found',
    });
  });
});
