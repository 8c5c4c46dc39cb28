import {
  type JsonValue,
  MEMORY_TYPES,
  type MemoryType,
  type Metadata,
} from '../../domain/memory.js';
import { DEFAULT_TENANT } from '../../domain/tenant.js';
import type { LegacyRecord } from '../../ports/legacy-source.js';
import { type AddMemoryInput, MAX_CONTENT_CHARS } from '../memories/memory-inputs.js';

/** Metadata keys read as the time a legacy memory was created, first readable one wins. */
export const TIMESTAMP_KEYS = ['timestamp', 'created_at', 'date', 'time'] as const;
/** Metadata keys read as the user id of the scope, first non-empty one wins. */
export const USER_KEYS = ['user_id', 'user', 'userId'] as const;
/** Metadata keys read as the agent id of the scope. */
export const AGENT_KEYS = ['agent_id'] as const;
/** Metadata keys read as the session id. */
export const SESSION_KEYS = ['session_id', 'session', 'conversation_id'] as const;
/** Keys Engram adds; legacy values under these names are kept as `legacy_<key>`. */
const RESERVED_KEYS = ['migrated_from', 'migrated_at'] as const;

/** How legacy records become Engram memories. */
export interface LegacyMappingOptions {
  /** User id for records whose metadata names none. */
  readonly defaultUserId: string;
  /** When the import runs (stored as `migrated_at`). */
  readonly migratedAt: Date;
}

export type LegacyMapping =
  | { readonly ok: true; readonly key: string; readonly input: AddMemoryInput }
  | { readonly ok: false; readonly key: string; readonly reason: string };

/** True for the collection names that are Engram memory types. */
export function isMemoryType(collection: string): collection is MemoryType {
  return (MEMORY_TYPES as readonly string[]).includes(collection);
}

/** Maps one legacy record to the input of `MemoryService.add`, or says why it cannot be imported. */
export function mapLegacyRecord(
  collection: MemoryType,
  record: LegacyRecord,
  options: LegacyMappingOptions,
): LegacyMapping {
  const key = `${collection}/${record.id}`;
  const fail = (reason: string): LegacyMapping => ({ ok: false, key, reason });
  const content = typeof record.document === 'string' ? record.document.trim() : '';
  if (content.length === 0) return fail('empty document');
  if (content.length > MAX_CONTENT_CHARS) {
    return fail(`oversize text: ${content.length} characters (limit ${MAX_CONTENT_CHARS})`);
  }
  const metadata = readableMetadata(record.metadata);
  if (typeof metadata === 'string') return fail(`unreadable metadata: ${metadata}`);
  const createdAt = timestampOf(metadata);
  if (createdAt === 'unreadable') {
    return fail(`unreadable metadata: no readable timestamp in ${presentKeys(metadata)}`);
  }
  const userId = idOf(metadata, USER_KEYS);
  const agentId = idOf(metadata, AGENT_KEYS);
  const sessionId = idOf(metadata, SESSION_KEYS);
  for (const [name, value] of [
    ['user', userId],
    ['agent', agentId],
    ['session', sessionId],
  ] as const) {
    if (value === null)
      return fail(`unreadable metadata: the ${name} id is not a string or number`);
  }
  const input: AddMemoryInput = {
    content,
    // The legacy store had no tenants: its records go to the default tenant.
    scope: {
      tenant: DEFAULT_TENANT,
      userId: userId || options.defaultUserId,
      agentId: agentId ?? '',
    },
    memoryType: collection,
    metadata: withMigration(metadata, collection, record.id, options.migratedAt),
    migratedFrom: key,
    ...(sessionId ? { sessionId } : {}),
    ...(createdAt ? { createdAt } : {}),
  };
  return { ok: true, key, input };
}

/** Legacy metadata as JSON, or a description of the first value that is not. */
function readableMetadata(metadata: LegacyRecord['metadata']): Record<string, JsonValue> | string {
  if (metadata === null || metadata === undefined) return {};
  if (typeof metadata !== 'object' || Array.isArray(metadata)) return 'not an object';
  const kept: Record<string, JsonValue> = {};
  for (const [name, value] of Object.entries(metadata)) {
    if (!isJson(value)) return `the value of "${name}" is not JSON`;
    kept[name] = value;
  }
  return kept;
}

function isJson(value: unknown): value is JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJson);
  if (typeof value === 'object') return Object.values(value).every(isJson);
  return false;
}

/** The first readable timestamp; undefined when there is no timestamp key at all. */
function timestampOf(metadata: Metadata): Date | undefined | 'unreadable' {
  const present = TIMESTAMP_KEYS.filter((name) => metadata[name] !== undefined);
  for (const name of present) {
    const date = parseTimestamp(metadata[name]);
    if (date) return date;
  }
  return present.length > 0 ? 'unreadable' : undefined;
}

/** ISO-8601 (or any Date.parse-able) strings, and epoch seconds or milliseconds as numbers or digit strings. */
export function parseTimestamp(value: JsonValue | undefined): Date | undefined {
  let millis: number;
  if (typeof value === 'number' || (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value))) {
    const epoch = Number(value);
    // Below 1e11 it is seconds (1e11 s is the year 5138; 1e11 ms is 1973).
    millis = epoch < 1e11 ? epoch * 1000 : epoch;
  } else if (typeof value === 'string' && value.trim()) {
    millis = Date.parse(value.trim());
  } else {
    return undefined;
  }
  const date = new Date(millis);
  return Number.isFinite(millis) && date.getUTCFullYear() >= 1970 && date.getUTCFullYear() <= 9999
    ? date
    : undefined;
}

/** The first non-empty id among `names` ('' when none; null when one has an unusable type). */
function idOf(metadata: Metadata, names: readonly string[]): string | null {
  for (const name of names) {
    const value = metadata[name];
    if (value === undefined || value === null || value === '') continue;
    if (typeof value === 'string') return value.trim();
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    return null;
  }
  return '';
}

function presentKeys(metadata: Metadata): string {
  return TIMESTAMP_KEYS.filter((name) => metadata[name] !== undefined).join(', ');
}

function withMigration(
  metadata: Record<string, JsonValue>,
  collection: string,
  id: string,
  migratedAt: Date,
): Metadata {
  const kept: Record<string, JsonValue> = {};
  for (const [name, value] of Object.entries(metadata)) {
    kept[(RESERVED_KEYS as readonly string[]).includes(name) ? `legacy_${name}` : name] = value;
  }
  return { ...kept, migrated_from: { collection, id }, migrated_at: migratedAt.toISOString() };
}
