import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/adapters/postgres/database.js';
import type { Scope } from '../../src/domain/scope.js';

/**
 * Inserts plain memory rows (for tests of tables that reference memories) and returns their ids.
 * Names only the columns of the first migration, so it also seeds a database migrated part way.
 */
export async function seedMemories(
  db: Database,
  scope: Scope,
  contents: readonly string[],
): Promise<string[]> {
  const ids = contents.map(() => randomUUID());
  for (const [index, content] of contents.entries()) {
    await db.execute(
      sql`insert into memories (id, user_id, agent_id, memory_type, content, content_hash)
          values (${ids[index]}, ${scope.userId}, ${scope.agentId}, 'ephemeral', ${content}, ${randomUUID()})`,
    );
  }
  return ids;
}
