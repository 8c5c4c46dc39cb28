import { openInfrastructure } from '../container.js';
import { ReindexService } from '../services/reindex-service.js';
import type { CommandContext } from './command-context.js';
import { ProgressBar } from './progress-bar.js';

/** `engram reindex`: rebuilds the vector index from Postgres with the configured embedder. */
export async function runReindex(
  _args: string[],
  { config, logger, stdout, stderr }: CommandContext,
): Promise<number> {
  const infrastructure = await openInfrastructure(config, logger, { migrations: 'apply' });
  try {
    const { store, settings, vectors, embedder } = infrastructure;
    const bar = new ProgressBar('reindex', stderr);
    let last = { done: 0, total: 0 };
    const written = await new ReindexService({ store, settings, vectors, embedder }).run({
      onProgress: (progress) => {
        last = progress;
        bar.update(progress.done, progress.total);
      },
    });
    bar.finish(last.done, last.total);
    const { provider, model, dimensions } = embedder.identity;
    stdout.write(
      `reindexed ${written} vectors with ${provider}/${model} (${dimensions} dimensions)\n`,
    );
    return 0;
  } finally {
    await infrastructure.close();
  }
}
