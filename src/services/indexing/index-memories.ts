import type { Memory } from '../../domain/memory.js';
import type { Embedder } from '../../ports/embedder.js';
import { NO_TELEMETRY, type Telemetry } from '../../ports/telemetry.js';
import type { VectorIndex } from '../../ports/vector-index.js';

/** Embeds search units in one call and upserts their vectors, keyed by memory id and scope. */
export async function indexMemories(
  memories: readonly Memory[],
  embedder: Embedder,
  vectors: VectorIndex,
  telemetry: Telemetry = NO_TELEMETRY,
): Promise<void> {
  if (memories.length === 0) return;
  const started = performance.now();
  const embeddings = await embedder.embed(memories.map((memory) => memory.content));
  telemetry.observe('embedding', (performance.now() - started) / 1000);
  await vectors.upsert(
    memories.map((memory, index) => ({
      id: memory.id,
      scope: { tenant: memory.tenant, userId: memory.userId, agentId: memory.agentId },
      memoryType: memory.memoryType,
      embedding: embeddings[index] ?? [],
    })),
  );
}
