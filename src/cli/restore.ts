import { restoreBackup } from '../adapters/postgres/backup/restore-backup.js';
import type { DatabaseHandle } from '../adapters/postgres/database.js';
import { openDatabase } from '../container.js';
import type { CommandContext } from './command-context.js';

const USAGE = 'usage: engram restore FILE [--force]\n';

/** Runs once the restored rows have committed, e.g. to rebuild the vector index. */
export type AfterRestore = (database: DatabaseHandle, context: CommandContext) => Promise<void>;

/**
 * Builds `engram restore FILE [--force]`. Without `afterRestore` the command reminds the user to
 * rebuild the vector index with `engram reindex`.
 */
export function createRestoreCommand(afterRestore?: AfterRestore) {
  return async (args: string[], context: CommandContext): Promise<number> => {
    const { config, stdout, stderr } = context;
    const force = args.includes('--force');
    const positional = args.filter((arg) => arg !== '--force');
    const [file] = positional;
    if (!file || file.startsWith('--') || positional.length !== 1) {
      stderr.write(USAGE);
      return 2;
    }
    const database = await openDatabase(config);
    try {
      stderr.write(`restore: into ${database.location}${force ? ' (force)' : ''}\n`);
      const summary = await restoreBackup(database.db, file, {
        force,
        onProgress: (line) => stderr.write(`${line}\n`),
        ...(afterRestore ? { afterRestore: () => afterRestore(database, context) } : {}),
      });
      const rows = Object.values(summary.rows).reduce((total, count) => total + count, 0);
      stdout.write(`restored ${rows} rows from ${file} (taken ${summary.header.created_at})\n`);
      if (!afterRestore) stdout.write('run `engram reindex` to rebuild the vector index\n');
      return 0;
    } finally {
      await database.close();
    }
  };
}

/** `engram restore FILE [--force]` with no vector-index rebuild wired yet. */
export const runRestore = createRestoreCommand();
