import { writeBackup } from '../adapters/postgres/backup/backup-writer.js';
import { openDatabase } from '../container.js';
import type { CommandContext } from './command-context.js';

const USAGE = 'usage: engram backup FILE\n';

/** `engram backup FILE`: writes a consistent, compressed snapshot of the configured database. */
export async function runBackup(
  args: string[],
  { config, stdout, stderr }: CommandContext,
): Promise<number> {
  const [file, ...rest] = args;
  if (!file || file.startsWith('--') || rest.length > 0) {
    stderr.write(USAGE);
    return 2;
  }
  const database = await openDatabase(config);
  try {
    stderr.write(`backup: reading ${database.location}\n`);
    const summary = await writeBackup(database.db, file, {
      onProgress: (line) => stderr.write(`${line}\n`),
    });
    const rows = summary.header.tables.reduce((total, table) => total + table.rows, 0);
    stdout.write(
      `wrote ${summary.file}: ${rows} rows in ${summary.header.tables.length} tables, ${summary.bytes} bytes, schema ${summary.header.migrations.at(-1) ?? '(none)'}\n`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
