import { randomUUID } from 'node:crypto';
import type { Database } from '../../src/adapters/postgres/database.js';
import { memories } from '../../src/adapters/postgres/schema.js';
import type { Scope } from '../../src/domain/scope.js';

/** Inserts plain memory rows (for tests of tables that reference memories) and returns their ids. */
export async function seedMemories(
  db: Database,
  scope: Scope,
  contents: readonly string[],
): Promise<string[]> {
  const rows = contents.map((content) => ({
    id: randomUUID(),
    userId: scope.userId,
    agentId: scope.agentId,
    memoryType: 'ephemeral' as const,
    content,
    contentHash: randomUUID(),
  }));
  await db.insert(memories).values(rows);
  return rows.map((row) => row.id);
}
