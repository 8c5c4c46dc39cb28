import type { Embedder, EmbedderIdentity } from '../../ports/embedder.js';
import type { CheckResult, ReadinessCheck } from '../../ports/readiness-check.js';
import type { SettingsRepository } from '../../ports/settings-repository.js';
import type { Store } from '../../ports/store.js';
import type { VectorIndex } from '../../ports/vector-index.js';
import { indexMemories } from './index-memories.js';

const PROGRESS_KEY = 'reindex_progress';

export interface ReindexProgress {
  readonly done: number;
  readonly total: number;
}

export interface ReindexDeps {
  readonly store: Pick<Store, 'memories'>;
  readonly settings: SettingsRepository;
  readonly vectors: VectorIndex;
  readonly embedder: Embedder;
}

/**
 * Rebuilds the vector index from Postgres, the system of record. Progress is saved after every
 * batch, so an interrupted run resumes where it stopped; a finished run clears the marker.
 */
export class ReindexService {
  readonly #deps: ReindexDeps;

  constructor(deps: ReindexDeps) {
    this.#deps = deps;
  }

  /** Re-embeds every search unit into a fresh index; returns how many vectors were written. */
  async run(
    options: { batchSize?: number; onProgress?: (progress: ReindexProgress) => void } = {},
  ): Promise<number> {
    const { store, settings, vectors, embedder } = this.#deps;
    const batchSize = options.batchSize ?? 256;
    await embedder.init();
    const identity = embedder.identity;
    const saved = await settings.get(PROGRESS_KEY);
    let afterId = resumable(saved, identity) ? (saved?.['afterId'] as string | null) : null;
    let done = resumable(saved, identity) ? Number(saved?.['done'] ?? 0) : 0;
    if (!resumable(saved, identity)) {
      await settings.set(PROGRESS_KEY, { identity: { ...identity }, afterId: null, done: 0 });
      await vectors.reset(identity);
    } else {
      await vectors.init(identity);
    }
    const total = await store.memories.countSearchUnits();
    options.onProgress?.({ done, total });
    for (;;) {
      const units = await store.memories.scanSearchUnits(afterId, batchSize);
      if (units.length === 0) break;
      await indexMemories(units, embedder, vectors);
      afterId = units.at(-1)?.id ?? afterId;
      done += units.length;
      await settings.set(PROGRESS_KEY, { identity: { ...identity }, afterId, done });
      options.onProgress?.({ done, total: Math.max(total, done) });
    }
    await settings.delete(PROGRESS_KEY);
    return done;
  }

  /** A readiness check that fails while a reindex is unfinished. */
  readinessCheck(): ReadinessCheck {
    return {
      name: 'reindex',
      check: async (): Promise<CheckResult> => {
        const saved = await this.#deps.settings.get(PROGRESS_KEY);
        return saved
          ? { ok: false, detail: 'a reindex was interrupted: run `engram reindex` to finish it' }
          : { ok: true };
      },
    };
  }
}

function resumable(
  saved: Record<string, unknown> | undefined,
  identity: EmbedderIdentity,
): boolean {
  const previous = saved?.['identity'] as Partial<EmbedderIdentity> | undefined;
  return (
    previous?.provider === identity.provider &&
    previous.model === identity.model &&
    previous.dimensions === identity.dimensions
  );
}
