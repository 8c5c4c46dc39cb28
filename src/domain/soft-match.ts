/** A query word with its weight (the scope's IDF) and unit vector, when the model knows the word. */
export interface QueryTerm {
  readonly word: string;
  readonly weight: number;
  readonly vector: Float32Array | undefined;
}

/** Cosine of each query term (by index) with a word; 0 when either has no vector. */
export type TermSimilarity = (term: number, word: string) => number;

/**
 * Soft lexical match in [0,1]: Σ weight(q) · best(q) ÷ Σ weight(q), where best(q) is 1 when the
 * memory has the word itself and otherwise its closest word's similarity, rescaled so that a
 * cosine at or below `floor` (unrelated words) counts nothing: "pottery" still half-matches
 * "ceramic", "the" matches nothing because its weight is near 0.
 */
export function softMatch(
  query: readonly QueryTerm[],
  words: ReadonlySet<string>,
  similarity: TermSimilarity,
  floor: number,
): number {
  let total = 0;
  let matched = 0;
  query.forEach((term, index) => {
    if (term.weight <= 0) return;
    total += term.weight;
    matched += term.weight * bestMatch(term, index, words, similarity, floor);
  });
  return total === 0 ? 0 : matched / total;
}

/**
 * A memo of query-term × word cosines for one query: every candidate shares most of its words
 * with the others, so each word is compared with the query once.
 */
export function termSimilarity(
  query: readonly QueryTerm[],
  vectorOf: (word: string) => Float32Array | undefined,
): TermSimilarity {
  const memo = new Map<string, Float32Array>();
  return (term, word) => {
    let row = memo.get(word);
    if (!row) {
      row = new Float32Array(query.length);
      const vector = vectorOf(word);
      if (vector) {
        for (let index = 0; index < query.length; index += 1)
          row[index] = dot(query[index]?.vector, vector);
      }
      memo.set(word, row);
    }
    return row[term] ?? 0;
  };
}

function bestMatch(
  term: QueryTerm,
  index: number,
  words: ReadonlySet<string>,
  similarity: TermSimilarity,
  floor: number,
): number {
  if (words.has(term.word)) return 1;
  if (!term.vector) return 0;
  let best = 0;
  for (const word of words) best = Math.max(best, similarity(index, word));
  return best <= floor ? 0 : (best - floor) / (1 - floor);
}

// Unit vectors: the dot product is the cosine.
function dot(left: Float32Array | undefined, right: Float32Array): number {
  if (!left) return 0;
  let sum = 0;
  for (let k = 0; k < left.length; k += 1) sum += (left[k] as number) * (right[k] as number);
  return sum;
}
