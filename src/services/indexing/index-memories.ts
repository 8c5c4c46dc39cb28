import type { Memory } from '../../domain/memory.js';
import type { Embedder } from '../../ports/embedder.js';
import { NO_TELEMETRY, type Telemetry } from '../../ports/telemetry.js';
import type { VectorIndex } from '../../ports/vector-index.js';

/** Texts embedded per call: a background pass of 2,000 in one call held the event loop ~80 ms. */
const EMBED_SLICE = 250;

/**
 * Embeds search units (in slices, yielding to other requests between them) and upserts their
 * vectors in one call, keyed by memory id and scope.
 */
export async function indexMemories(
  memories: readonly Memory[],
  embedder: Embedder,
  vectors: VectorIndex,
  telemetry: Telemetry = NO_TELEMETRY,
): Promise<void> {
  if (memories.length === 0) return;
  const embeddings: number[][] = [];
  let embeddingMs = 0;
  for (let start = 0; start < memories.length; start += EMBED_SLICE) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    const slice = memories.slice(start, start + EMBED_SLICE);
    const started = performance.now();
    embeddings.push(...(await embedder.embed(slice.map((memory) => memory.content))));
    embeddingMs += performance.now() - started;
  }
  telemetry.observe('embedding', embeddingMs / 1000);
  await vectors.upsert(
    memories.map((memory, index) => ({
      id: memory.id,
      scope: { tenant: memory.tenant, userId: memory.userId, agentId: memory.agentId },
      memoryType: memory.memoryType,
      embedding: embeddings[index] ?? [],
    })),
  );
}
