/** A query word with its weight (the scope's IDF) and unit vector, when the model knows the word. */
export interface QueryTerm {
  readonly word: string;
  readonly weight: number;
  readonly vector: Float32Array | undefined;
}

/** A memory's distinct words with their unit vectors. */
export interface DocumentTerms {
  readonly words: ReadonlySet<string>;
  readonly vectors: readonly Float32Array[];
}

/**
 * Soft lexical match in [0,1]: Σ weight(q) · best(q) ÷ Σ weight(q), where best(q) is 1 when the
 * memory has the word itself and otherwise its closest word's similarity, rescaled so that a
 * cosine at or below `floor` (unrelated words) counts nothing: "pottery" still half-matches
 * "ceramics", "the" matches nothing because its weight is near 0.
 */
export function softMatch(
  query: readonly QueryTerm[],
  document: DocumentTerms,
  floor: number,
): number {
  let total = 0;
  let matched = 0;
  for (const term of query) {
    if (term.weight <= 0) continue;
    total += term.weight;
    matched += term.weight * bestMatch(term, document, floor);
  }
  return total === 0 ? 0 : matched / total;
}

function bestMatch(term: QueryTerm, document: DocumentTerms, floor: number): number {
  if (document.words.has(term.word)) return 1;
  if (!term.vector) return 0;
  const query = term.vector;
  let best = 0;
  for (const vector of document.vectors) {
    // Unit vectors: the dot product is the cosine.
    let dot = 0;
    for (let k = 0; k < query.length; k += 1) dot += (query[k] as number) * (vector[k] as number);
    if (dot > best) best = dot;
  }
  return best <= floor ? 0 : (best - floor) / (1 - floor);
}
