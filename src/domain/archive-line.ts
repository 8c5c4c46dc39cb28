import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  type ArchiveHeader,
  type ArchiveRecord,
} from './archive.js';
import { InvalidInputError } from './errors.js';

type FieldKind =
  | 'id'
  | 'id?'
  | 'string'
  | 'string?'
  | 'date'
  | 'date?'
  | 'number'
  | 'object'
  | 'array';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SCOPED = { user_id: 'string', agent_id: 'string' } as const;

/** The fields each kind of line must have, and their shapes. */
const FIELDS: Readonly<Record<ArchiveRecord['kind'], Readonly<Record<string, FieldKind>>>> = {
  entity: {
    id: 'id',
    ...SCOPED,
    type: 'string',
    text: 'string',
    attributes: 'object',
    metadata: 'object',
    merged_into: 'id?',
    aliases: 'array',
    created_at: 'date',
    updated_at: 'date',
  },
  memory: {
    id: 'id',
    ...SCOPED,
    session_id: 'string',
    memory_type: 'string',
    content: 'string',
    metadata: 'object',
    migrated_from: 'string?',
    expires_at: 'date?',
    created_at: 'date',
    updated_at: 'date',
    chunks: 'array',
    mentions: 'array',
  },
  relationship: {
    id: 'id',
    source_entity_id: 'id',
    target_entity_id: 'id',
    relation_type: 'string',
    metadata: 'object',
    memory_id: 'id?',
    valid_from: 'date',
    valid_to: 'date?',
    created_at: 'date',
    updated_at: 'date',
    evidence: 'array',
  },
  memory_history: {
    memory_id: 'id',
    ...SCOPED,
    event: 'string',
    old_content: 'string?',
    new_content: 'string?',
    metadata: 'object',
    created_at: 'date',
  },
  entity_history: {
    entity_id: 'id',
    ...SCOPED,
    event: 'string',
    details: 'object',
    created_at: 'date',
  },
};

const EVENTS: Readonly<Record<string, readonly string[]>> = {
  memory: ['ephemeral', 'model_memory'],
  memory_history: ['add', 'update', 'delete'],
  entity_history: ['update', 'merge', 'merged_into', 'delete'],
};

/** Parses the header line of an export; InvalidInputError for another format or a newer version. */
export function parseArchiveHeader(line: string): ArchiveHeader {
  const value = parseJson(line);
  if (value['kind'] !== 'header' || value['format'] !== ARCHIVE_FORMAT)
    throw new InvalidInputError(`line 1 must be the ${ARCHIVE_FORMAT} header`);
  const version = value['version'];
  if (
    typeof version !== 'number' ||
    !Number.isInteger(version) ||
    version < 1 ||
    version > ARCHIVE_VERSION
  )
    throw new InvalidInputError(
      `export version ${String(version)} is not supported (this build reads 1..${ARCHIVE_VERSION})`,
    );
  return value as unknown as ArchiveHeader;
}

/** Parses and checks one data line; InvalidInputError naming the first bad field. */
export function parseArchiveLine(line: string): ArchiveRecord {
  const value = parseJson(line);
  const kind = value['kind'];
  const fields = typeof kind === 'string' ? FIELDS[kind as ArchiveRecord['kind']] : undefined;
  if (!fields) throw new InvalidInputError(`unknown kind ${JSON.stringify(kind)}`);
  for (const [name, shape] of Object.entries(fields))
    if (!fits(value[name], shape))
      throw new InvalidInputError(`${kind}.${name} must be ${shape.replace('?', ' or null')}`);
  const allowed = EVENTS[kind as string];
  const field = kind === 'memory' ? 'memory_type' : 'event';
  if (allowed && !allowed.includes(value[field] as string))
    throw new InvalidInputError(`${kind}.${field} must be one of ${allowed.join(', ')}`);
  // Postgres rejects NUL in text and jsonb: written raw or as a JSON escape.
  if (line.includes(String.fromCharCode(0)) || /\\u0000/i.test(line))
    throw new InvalidInputError('text must not contain NUL characters');
  return value as unknown as ArchiveRecord;
}

function parseJson(line: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new InvalidInputError('not valid JSON');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new InvalidInputError('a line must be a JSON object');
  return value as Record<string, unknown>;
}

function fits(value: unknown, shape: FieldKind): boolean {
  if (shape.endsWith('?') && value === null) return true;
  switch (shape.replace('?', '')) {
    case 'id':
      return typeof value === 'string' && UUID.test(value);
    case 'string':
      return typeof value === 'string' && value.length <= 1_000_000;
    case 'date':
      return (
        typeof value === 'string' &&
        !Number.isNaN(Date.parse(value)) &&
        /^\d{4}-\d{2}-\d{2}T/.test(value)
      );
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'object':
      return !!value && typeof value === 'object' && !Array.isArray(value);
    default:
      return Array.isArray(value);
  }
}
