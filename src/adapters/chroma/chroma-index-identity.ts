import { ConflictError } from '../../domain/errors.js';
import type { EmbedderIdentity } from '../../ports/embedder.js';

/** Collection metadata that records the embedder identity (Chroma metadata holds scalars only). */
export function identityMetadata(identity: EmbedderIdentity): Record<string, string | number> {
  return {
    provider: identity.provider,
    model: identity.model,
    dimensions: identity.dimensions,
  };
}

/** The identity stored in collection metadata, or undefined when none was recorded. */
export function identityFromMetadata(
  metadata: Readonly<Record<string, unknown>> | null | undefined,
): EmbedderIdentity | undefined {
  const provider = metadata?.['provider'];
  const model = metadata?.['model'];
  const dimensions = metadata?.['dimensions'];
  if (typeof provider !== 'string' || typeof model !== 'string' || typeof dimensions !== 'number') {
    return undefined;
  }
  return { provider, model, dimensions };
}

/** True when two identities describe the same vector space. */
export function sameIdentity(left: EmbedderIdentity, right: EmbedderIdentity): boolean {
  return (
    left.provider === right.provider &&
    left.model === right.model &&
    left.dimensions === right.dimensions
  );
}

/** The error `init` raises when the index was built by another embedder. */
export function identityConflict(
  stored: EmbedderIdentity,
  wanted: EmbedderIdentity,
): ConflictError {
  const describe = (identity: EmbedderIdentity) =>
    `${identity.provider}/${identity.model} (${identity.dimensions} dimensions)`;
  return new ConflictError(
    `the vector index was built with ${describe(stored)} but this process embeds with ${describe(wanted)}; run \`engram reindex\` to rebuild the index`,
  );
}
