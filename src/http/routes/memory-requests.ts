import type { Static } from 'typebox';
import { Value } from 'typebox/value';
import { AppError, InvalidInputError } from '../../domain/errors.js';
import type { Metadata } from '../../domain/memory.js';
import { requiredScope } from '../../domain/scope.js';
import { parseTimestamp } from '../../domain/timestamp.js';
import type { AddMemoryInput } from '../../services/memories/memory-inputs.js';
import type { MemoryWriter } from '../../services/memories/memory-writer.js';
import type { SearchInput } from '../../services/search/search-service.js';
import { inputProblem } from '../edge/input-problems.js';
import { presentMemory } from '../presenters.js';
import { AddMemoryBody, type SearchBody } from '../schemas/memory.js';

type AddBody = Static<typeof AddMemoryBody>;
type SearchBodyType = Static<typeof SearchBody>;

/** Maps a POST /memories body to the service input. */
export function addInput(body: AddBody, tenant: string): AddMemoryInput {
  return {
    content: body.content,
    scope: requiredScope(body.user_id, body.agent_id, tenant),
    ...(body.session_id ? { sessionId: body.session_id } : {}),
    ...(body.memory_type ? { memoryType: body.memory_type } : {}),
    ...(body.metadata ? { metadata: body.metadata as Metadata } : {}),
    ...(body.created_at ? { createdAt: new Date(body.created_at) } : {}),
    ...(body.expires_at ? { expiresAt: new Date(body.expires_at) } : {}),
    ...(body.ttl_seconds !== undefined ? { ttlSeconds: body.ttl_seconds } : {}),
  };
}

/** Maps a search body to the service input. */
export function searchInput(body: SearchBodyType, tenant: string): SearchInput {
  return {
    query: body.query,
    scope: requiredScope(body.user_id, body.agent_id, tenant),
    ...(body.session_id ? { sessionId: body.session_id } : {}),
    ...(body.memory_type ? { memoryType: body.memory_type } : {}),
    ...(body.metadata ? { metadata: body.metadata as Metadata } : {}),
    ...(body.created_after ? { createdAfter: new Date(body.created_after) } : {}),
    ...(body.created_before ? { createdBefore: new Date(body.created_before) } : {}),
    ...(body.top_k ? { topK: body.top_k } : {}),
    ...(body.score_threshold !== undefined ? { scoreThreshold: body.score_threshold } : {}),
    ...(body.as_of ? { asOf: new Date(body.as_of) } : {}),
  };
}

/** Adds a batch: each item is validated on its own, so a bad item does not sink the rest. */
export async function runBatch(writer: MemoryWriter, items: readonly unknown[], tenant: string) {
  const results: BatchResult[] = [];
  const valid: Array<{ index: number; input: AddMemoryInput }> = [];
  for (const [index, item] of items.entries()) {
    const checked = checkedItem(item, index, tenant);
    if (checked instanceof AppError)
      results[index] = { index, status: 'error', error: errorOf(checked) };
    else valid.push({ index, input: checked });
  }
  const outcomes = await writer.addMany(valid.map((item) => item.input));
  valid.forEach(({ index }, position) => {
    const outcome = outcomes[position];
    if (!outcome || outcome instanceof AppError) {
      results[index] = {
        index,
        status: 'error',
        error: errorOf(outcome ?? new AppError('internal', `item ${index} was not processed`)),
      };
    } else {
      results[index] = {
        index,
        status: outcome.created ? 'created' : 'duplicate',
        memory: presentMemory(outcome.memory),
      };
    }
  });
  return results;
}

/**
 * One batch item checked as strictly as a POST /memories body (schema, text, dates, scope),
 * before any transaction starts: the service input, or the error to report in its slot.
 */
function checkedItem(item: unknown, index: number, tenant: string): AddMemoryInput | AppError {
  const problem = inputProblem(item, `/items/${index}`);
  if (problem) return new InvalidInputError(problem);
  if (!Value.Check(AddMemoryBody, item)) {
    const first = [...Value.Errors(AddMemoryBody, item)][0];
    return new InvalidInputError(
      `/items/${index}${first?.instancePath ?? ''} ${first?.message ?? 'is invalid'}`,
    );
  }
  if (item.created_at !== undefined && !parseTimestamp(item.created_at))
    return new InvalidInputError(`/items/${index}/created_at must be a valid date-time`);
  try {
    return addInput(item, tenant);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

function errorOf(error: AppError): { code: string; message: string } {
  return { code: error.code, message: error.message };
}

type BatchResult =
  | { index: number; status: 'created' | 'duplicate'; memory: ReturnType<typeof presentMemory> }
  | { index: number; status: 'error'; error: { code: string; message: string } };
