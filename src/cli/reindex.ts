import { createContainer } from '../container.js';
import type { CommandContext } from './command-context.js';
import { progressReporter } from './progress-reporter.js';

/** `engram reindex`: rebuilds the vector index from Postgres with the configured embedder. */
export async function runReindex(
  _args: string[],
  { config, logger, stdout, stderr }: CommandContext,
): Promise<number> {
  const container = await createContainer(config, logger, {
    migrations: 'apply',
    vectorIndex: 'rebuild',
  });
  try {
    const progress = progressReporter(stderr, 'reindex', 'vectors');
    const written = await container.services.reindex.run({
      onProgress: ({ done, total }) => progress.update({ processed: done, total }),
    });
    progress.finish();
    const { provider, model, dimensions } = container.embedder.identity;
    stdout.write(
      `reindexed ${written} vectors with ${provider}/${model} (${dimensions} dimensions)\n`,
    );
    return 0;
  } finally {
    await container.close();
  }
}
