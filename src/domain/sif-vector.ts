/** Looks up a word's vector (unit length), or undefined for an unknown word. */
export type VectorOf = (word: string) => Float32Array | undefined;

/**
 * SIF sentence vector (Arora et al. 2017): Σ weight(w) · v(w) over the known words, minus its
 * projection on `common` (a unit vector, the scope's shared direction), then unit length.
 * Undefined when no word is known.
 */
export function sifVector(
  words: readonly string[],
  vectorOf: VectorOf,
  weightOf: (word: string) => number,
  common?: Float64Array,
): Float64Array | undefined {
  let sum: Float64Array | undefined;
  for (const word of words) {
    const vector = vectorOf(word);
    if (!vector) continue;
    sum ??= new Float64Array(vector.length);
    const weight = weightOf(word);
    for (let k = 0; k < vector.length; k += 1) sum[k] = (sum[k] ?? 0) + weight * (vector[k] ?? 0);
  }
  if (!sum) return undefined;
  if (common) removeProjection(sum, common);
  return normalise(sum);
}

/** Cosine of two vectors; 0 when either is zero. */
export function cosine(left: ArrayLike<number>, right: ArrayLike<number>): number {
  let dot = 0;
  let leftNorm = 0;
  let rightNorm = 0;
  for (let k = 0; k < left.length; k += 1) {
    const a = left[k] ?? 0;
    const b = right[k] ?? 0;
    dot += a * b;
    leftNorm += a * a;
    rightNorm += b * b;
  }
  return leftNorm === 0 || rightNorm === 0 ? 0 : dot / Math.sqrt(leftNorm * rightNorm);
}

/** Subtracts from `vector` (in place) its projection on the unit vector `direction`. */
export function removeProjection(vector: Float64Array, direction: ArrayLike<number>): void {
  let projection = 0;
  for (let k = 0; k < vector.length; k += 1) projection += (vector[k] ?? 0) * (direction[k] ?? 0);
  for (let k = 0; k < vector.length; k += 1)
    vector[k] = (vector[k] ?? 0) - projection * (direction[k] ?? 0);
}

/** The vector scaled to unit length (in place); undefined for the zero vector. */
export function normalise(vector: Float64Array): Float64Array | undefined {
  let norm = 0;
  for (const value of vector) norm += value * value;
  if (norm === 0) return undefined;
  const scale = 1 / Math.sqrt(norm);
  for (let k = 0; k < vector.length; k += 1) vector[k] = (vector[k] ?? 0) * scale;
  return vector;
}
