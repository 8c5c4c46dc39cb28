import { openInfrastructure } from '../container.js';
import { ReindexService } from '../services/indexing/reindex-service.js';
import type { CommandContext } from './command-context.js';
import { progressReporter } from './progress-reporter.js';

/** `engram reindex`: rebuilds the vector index from Postgres with the configured embedder. */
export async function runReindex(
  _args: string[],
  { config, logger, stdout, stderr }: CommandContext,
): Promise<number> {
  const infrastructure = await openInfrastructure(config, logger, { migrations: 'apply' });
  try {
    const { store, settings, vectors, embedder } = infrastructure;
    const progress = progressReporter(stderr, 'reindex', 'vectors');
    const written = await new ReindexService({ store, settings, vectors, embedder }).run({
      onProgress: ({ done, total }) => progress.update({ processed: done, total }),
    });
    progress.finish();
    const { provider, model, dimensions } = embedder.identity;
    stdout.write(
      `reindexed ${written} vectors with ${provider}/${model} (${dimensions} dimensions)\n`,
    );
    return 0;
  } finally {
    await infrastructure.close();
  }
}
