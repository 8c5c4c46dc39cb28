import { InvalidInputError } from '../../domain/errors.js';

/** Limits every request body, query and path obeys before any schema or service sees it. */
export const INPUT_LIMITS = {
  /** Deepest nesting of arrays and objects in a body. */
  maxDepth: 32,
  /** Deepest nesting inside a `metadata` object. */
  maxMetadataDepth: 8,
  /** Largest `metadata` object, as JSON text. */
  maxMetadataChars: 32_768,
} as const;

// With the `u` flag a surrogate class matches only lone (unpaired) surrogates.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * The first reason `value` cannot be stored, naming where it is (`/items/2/content`), or
 * undefined. Strings must be well-formed Unicode without NUL (Postgres rejects both), numbers
 * finite, nesting bounded, and `metadata` small and shallow.
 */
export function inputProblem(value: unknown, path = '', depth = 0): string | undefined {
  if (typeof value === 'string') return textProblem(value, path);
  if (typeof value === 'number')
    return Number.isFinite(value) ? undefined : `${where(path)} must be a finite number`;
  if (value === null || typeof value !== 'object') return undefined;
  if (depth >= INPUT_LIMITS.maxDepth)
    return `${where(path)} is nested deeper than ${INPUT_LIMITS.maxDepth} levels`;
  const entries = Array.isArray(value) ? value.entries() : Object.entries(value);
  for (const [key, child] of entries) {
    const childPath = `${path}/${key}`;
    if (typeof key === 'string') {
      const keyProblem = textProblem(key, `${path} key`);
      if (keyProblem) return keyProblem;
    }
    if (key === 'metadata' && !Array.isArray(value)) {
      const problem = metadataProblem(child, childPath);
      if (problem) return problem;
    }
    const problem = inputProblem(child, childPath, depth + 1);
    if (problem) return problem;
  }
  return undefined;
}

/** Throws `invalid_input` naming the first problem in any of `parts`. */
export function assertStorableInput(parts: Readonly<Record<string, unknown>>): void {
  for (const [name, value] of Object.entries(parts)) {
    const problem = inputProblem(value, name === 'body' ? '' : `${name}:`);
    if (problem) throw new InvalidInputError(problem);
  }
}

function textProblem(text: string, path: string): string | undefined {
  if (text.includes('\u0000')) return `${where(path)} must not contain NUL characters`;
  if (LONE_SURROGATE.test(text)) return `${where(path)} must be well-formed Unicode`;
  return undefined;
}

function metadataProblem(metadata: unknown, path: string): string | undefined {
  if (metadata === null || typeof metadata !== 'object') return undefined;
  if (depthOf(metadata, 0) > INPUT_LIMITS.maxMetadataDepth)
    return `${path} is nested deeper than ${INPUT_LIMITS.maxMetadataDepth} levels`;
  if (JSON.stringify(metadata).length > INPUT_LIMITS.maxMetadataChars)
    return `${path} is larger than ${INPUT_LIMITS.maxMetadataChars} characters as JSON`;
  return undefined;
}

function depthOf(value: unknown, depth: number): number {
  if (value === null || typeof value !== 'object' || depth > INPUT_LIMITS.maxDepth) return depth;
  let deepest = depth + 1;
  for (const child of Object.values(value)) deepest = Math.max(deepest, depthOf(child, depth + 1));
  return deepest;
}

function where(path: string): string {
  return path === '' ? 'the body' : path;
}
