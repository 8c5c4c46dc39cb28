import { loadConfig } from '../config/config.js';
import { createLogger } from '../observability/logger.js';
import type { CommandContext } from './command-context.js';
import { failureMessage } from './failure-message.js';

const USAGE = `usage: engram <command>

commands:
  serve                      start the HTTP API (default port 8000)
  migrate up|down|status     apply, revert or list database migrations
  keys create|list|revoke    manage API keys (create --name NAME --scopes read,write [--user ID])
  reindex                    rebuild the vector index from the database (resumable)
  bench SUITE                run a benchmark suite (bench/suites/SUITE.ts)
  mcp                        MCP server over stdio for a running Engram (ENGRAM_URL, ENGRAM_API_KEY, ENGRAM_USER_ID)
  backup FILE                write a compressed snapshot of the database to FILE
  restore FILE [--force]     restore a backup (--force replaces a non-empty database), then reindex
  export --user ID [--agent ID] FILE   write one scope as JSON Lines (the format of GET /export)
  import FILE                import such a file (idempotent; ids kept)
  import-legacy --chroma-url URL | --chroma-path DIR [--collections ephemeral,model_memory]
      [--batch-size N] [--dry-run] [--user-id ID] [--failures FILE] [--verify]
                             import the legacy Chroma memory (see README)
`;

type Command = (args: string[], context: CommandContext) => Promise<number>;

/** `engram restore`: restores the rows, then rebuilds the vector index from them. */
async function restoreThenReindex(args: string[], context: CommandContext): Promise<number> {
  const [{ createRestoreCommand }, { runReindex }] = await Promise.all([
    import('./restore.js'),
    import('./reindex.js'),
  ]);
  const code = await createRestoreCommand(async () => {})(args, context);
  return code === 0 ? runReindex([], context) : code;
}

// Each command is loaded when it runs: `migrate status` need not load the HTTP app.
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  serve: async () => (await import('./serve.js')).runServe,
  migrate: async () => (await import('./migrate.js')).runMigrate,
  keys: async () => (await import('./keys.js')).runKeys,
  bench: async () => (await import('./bench.js')).runBench,
  reindex: async () => (await import('./reindex.js')).runReindex,
  mcp: async () => (await import('./mcp.js')).runMcp,
  backup: async () => (await import('./backup.js')).runBackup,
  restore: async () => restoreThenReindex,
  export: async () => (await import('./scope-archive.js')).runExport,
  import: async () => (await import('./scope-archive.js')).runImport,
  'import-legacy': async () => (await import('./import-legacy.js')).runImportLegacy,
};

/** Runs one CLI command and returns the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv;
  const load = name === undefined ? undefined : COMMANDS[name];
  if (!load) {
    process.stderr.write(
      name && !['-h', '--help', 'help'].includes(name)
        ? `unknown command: ${name}\n${USAGE}`
        : USAGE,
    );
    return name && !['-h', '--help', 'help'].includes(name) ? 2 : 0;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`engram: ${(error as Error).message}\n`);
    return 2;
  }
  const logger = createLogger(config.log);
  try {
    const command = await load();
    return await command(args, { config, logger, stdout: process.stdout, stderr: process.stderr });
  } catch (error) {
    process.stderr.write(`engram ${name}: ${failureMessage(error)}\n`);
    logger.debug({ err: error }, 'command failed');
    return 1;
  }
}
