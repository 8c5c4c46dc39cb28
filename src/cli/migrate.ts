import { migrateDown, migrateUp, migrationStatus } from '../adapters/postgres/migrator.js';
import { openDatabase } from '../container.js';
import type { CommandContext } from './command-context.js';

/** `engram migrate up|down [--steps N]|status` on the configured database. */
export async function runMigrate(
  args: string[],
  { config, stdout, stderr }: CommandContext,
): Promise<number> {
  const [action, ...rest] = args;
  if (!action || !['up', 'down', 'status'].includes(action)) {
    stderr.write('usage: engram migrate up|down [--steps N]|status\n');
    return 2;
  }
  const steps = parseSteps(rest);
  if (steps === null) {
    stderr.write('engram migrate down: --steps must be a positive integer\n');
    return 2;
  }
  const database = await openDatabase(config);
  try {
    stdout.write(`database: ${database.location}\n`);
    if (action === 'up') {
      const applied = await migrateUp(database.db);
      stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'already up to date\n');
    } else if (action === 'down') {
      const reverted = await migrateDown(database.db, steps);
      stdout.write(reverted.length ? `reverted: ${reverted.join(', ')}\n` : 'nothing to revert\n');
    } else {
      for (const migration of await migrationStatus(database.db)) {
        const state = migration.appliedAt
          ? `applied ${migration.appliedAt.toISOString()}`
          : 'pending';
        stdout.write(`${migration.tag}\t${state}\n`);
      }
    }
    return 0;
  } finally {
    await database.close();
  }
}

function parseSteps(rest: readonly string[]): number | null {
  const index = rest.indexOf('--steps');
  if (index === -1) return Number.POSITIVE_INFINITY;
  const value = Number(rest[index + 1]);
  return Number.isInteger(value) && value > 0 ? value : null;
}
