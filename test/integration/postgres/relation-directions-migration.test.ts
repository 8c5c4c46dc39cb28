import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { asc, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/adapters/postgres/database.js';
import { MIGRATIONS_DIR, migrateDown, migrateUp } from '../../../src/adapters/postgres/migrator.js';
import {
  entities,
  relationshipEvidence,
  relationships,
} from '../../../src/adapters/postgres/schema.js';
import { scopeOf } from '../../../src/domain/scope.js';
import { seedMemories } from '../../support/seed-memories.js';
import {
  createEmptyDatabase,
  DATABASE_KINDS,
  MIGRATION_TAGS,
} from '../../support/test-databases.js';

let initOnly: string;

// A copy of the migrations whose journal stops at 0000_init: the schema as old rows were written.
beforeAll(async () => {
  initOnly = await mkdtemp(path.join(tmpdir(), 'engram-0000-'));
  await cp(MIGRATIONS_DIR, initOnly, { recursive: true });
  const journalFile = path.join(initOnly, 'meta', '_journal.json');
  const journal = JSON.parse(await readFile(journalFile, 'utf8')) as { entries: unknown[] };
  await writeFile(
    journalFile,
    JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }),
  );
});
afterAll(() => rm(initOnly, { recursive: true, force: true }));

type OldEdge = readonly [string, string, string, string, string?];

/** Writes one case's people and old-style edges (source, type, target, from, to) in its own scope; returns its reader. */
async function seedCase(handle: DatabaseHandle, scopeName: string, edges: readonly OldEdge[]) {
  const scope = scopeOf(scopeName);
  const [memoryId = ''] = await seedMemories(handle.db, scope, ['old memory']);
  const names = [...new Set(edges.flatMap(([source, , target]) => [source, target]))];
  const ids = new Map<string, string>(names.map((name) => [name, randomUUID()]));
  // Only the columns of the first migration: this runs on a database migrated part way.
  for (const name of names) {
    await handle.db.execute(
      sql`insert into entities (id, user_id, agent_id, type, text, normalized_name)
          values (${ids.get(name) ?? ''}, ${scope.userId}, ${scope.agentId}, 'PERSON', ${name}, ${name.toLowerCase()})`,
    );
  }
  const rows = edges.map(([source, type, target, from, to]) => ({
    id: randomUUID(),
    sourceEntityId: ids.get(source) ?? '',
    targetEntityId: ids.get(target) ?? '',
    relationType: type,
    metadata: { confidence: 0.8, sentence: `${source} ${type} ${target}` },
    memoryId,
    validFrom: new Date(from),
    validTo: to ? new Date(to) : null,
  }));
  await handle.db.insert(relationships).values(rows);
  await handle.db
    .insert(relationshipEvidence)
    .values(
      rows.map((row) => ({ relationshipId: row.id, memoryId, sentence: 'x', confidence: 0.8 })),
    );
  const nameOf = new Map([...ids].map(([name, id]) => [id, name]));
  return async () => {
    const stored = await handle.db
      .select()
      .from(relationships)
      .where(inArray(relationships.sourceEntityId, [...ids.values()]))
      .orderBy(asc(relationships.validFrom), asc(relationships.relationType));
    return stored.map(
      (row) =>
        `${nameOf.get(row.sourceEntityId)} ${row.relationType} ${nameOf.get(row.targetEntityId)} ${row.validFrom.toISOString().slice(0, 10)}..${row.validTo?.toISOString().slice(0, 10) ?? ''}`,
    );
  };
}

const CASES: ReadonlyArray<readonly [string, readonly OldEdge[], readonly string[]]> = [
  [
    'turns "has the target as boss/manager" into reports_to, same direction',
    [
      ['Sam', 'boss_of', 'Karen', '2026-03-13'],
      ['Nadia', 'manager_of', 'Dan', '2026-01-12'],
    ],
    ['Nadia reports_to Dan 2026-01-12..', 'Sam reports_to Karen 2026-03-13..'],
  ],
  [
    'swaps uncle, aunt, nephew and niece edges and folds grandma/grandpa into grandparent_of',
    [
      ['Amy', 'uncle_of', 'Tom', '2026-01-01'],
      ['Amy', 'niece_of', 'Lily', '2026-01-02'],
      ['Amy', 'grandma_of', 'Rose', '2026-01-03'],
      ['Amy', 'grandfather_of', 'Bill', '2026-01-04'],
    ],
    [
      'Tom uncle_of Amy 2026-01-01..',
      'Lily niece_of Amy 2026-01-02..',
      'Rose grandparent_of Amy 2026-01-03..',
      'Bill grandparent_of Amy 2026-01-04..',
    ],
  ],
  [
    'merges two current rows that become one fact, keeping the earliest start',
    [
      ['Amy', 'grandma_of', 'Rose', '2026-02-01'],
      ['Amy', 'grandmother_of', 'Rose', '2026-01-01'],
    ],
    ['Rose grandparent_of Amy 2026-01-01..'],
  ],
  [
    'leaves one current partner and one current manager per person',
    [
      ['Sam', 'partner_of', 'Jordan', '2026-01-05'],
      ['Sam', 'partner_of', 'Maya', '2026-10-04'],
      ['Sam', 'boss_of', 'Priya', '2026-01-09'],
      ['Sam', 'boss_of', 'Karen', '2026-03-13'],
    ],
    [
      'Sam partner_of Jordan 2026-01-05..2026-10-04',
      'Sam reports_to Priya 2026-01-09..2026-03-13',
      'Sam reports_to Karen 2026-03-13..',
      'Sam partner_of Maya 2026-10-04..',
    ],
  ],
  [
    'keeps closed history and other types as they were',
    [
      ['Sam', 'lives_in', 'Seattle', '2026-01-05', '2026-05-01'],
      ['Sam', 'boss_of', 'Priya', '2026-01-09', '2026-03-13'],
    ],
    ['Sam lives_in Seattle 2026-01-05..2026-05-01', 'Sam reports_to Priya 2026-01-09..2026-03-13'],
  ],
];

describe.each(DATABASE_KINDS)('0001_relation_directions on %s', (kind) => {
  let handle: DatabaseHandle;
  const readers: Array<() => Promise<string[]>> = [];

  // One database: every case seeded at 0000_init in its own scope, then migrated up once.
  beforeAll(async () => {
    handle = await createEmptyDatabase(kind);
    await migrateUp(handle.db, initOnly);
    for (const [index, [, edges]] of CASES.entries())
      readers.push(await seedCase(handle, `migration-case-${index}`, edges));
    readers.push(
      await seedCase(handle, 'migration-down', [
        ['Zoe', 'boss_of', 'Karen', '2026-03-13'],
        ['Zoe', 'aunt_of', 'Ruth', '2026-01-01'],
      ]),
    );
    await migrateUp(handle.db);
  });
  afterAll(() => handle.close());

  it.each(CASES.map(([name, , expected], index) => [name, index, expected] as const))(
    '%s',
    async (_name, index, expected) => {
      expect(await readers[index]?.()).toEqual(expected);
    },
  );

  it('down gives the old reading back', async () => {
    // Later migrations (0003_api_keys, …) are reverted first; 0001 is the last one reverted.
    const steps = MIGRATION_TAGS.length - MIGRATION_TAGS.indexOf('0001_relation_directions');
    expect((await migrateDown(handle.db, steps)).at(-1)).toBe('0001_relation_directions');
    expect(await readers.at(-1)?.()).toEqual([
      'Zoe aunt_of Ruth 2026-01-01..',
      'Zoe manager_of Karen 2026-03-13..',
    ]);
  });
});
