const STOP_WORDS = new Set(
  'a an and are as at be been but by did do does for from had has have he her hers him his how i if in into is it its me my of on or our she so than that the their them then there these they this to was we were what when where which who whom why will with would you your yours'.split(
    ' ',
  ),
);

/** Lower-case word tokens without stop words. */
export function bm25Tokens(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter(
    (token) => !STOP_WORDS.has(token),
  );
}

/** Okapi BM25 over an in-memory corpus (k1 1.2, b 0.75): the reference baseline. */
export class Bm25Index {
  readonly #docs: { id: string; tf: Map<string, number>; length: number }[] = [];
  readonly #df = new Map<string, number>();
  #totalLength = 0;

  add(id: string, text: string): void {
    const tokens = bm25Tokens(text);
    const tf = new Map<string, number>();
    for (const token of tokens) tf.set(token, (tf.get(token) ?? 0) + 1);
    for (const token of tf.keys()) this.#df.set(token, (this.#df.get(token) ?? 0) + 1);
    this.#docs.push({ id, tf, length: tokens.length });
    this.#totalLength += tokens.length;
  }

  search(query: string, topK: number, k1 = 1.2, b = 0.75): string[] {
    const n = this.#docs.length;
    const average = this.#totalLength / Math.max(1, n);
    const terms = [...new Set(bm25Tokens(query))];
    return this.#docs
      .map((doc) => {
        let score = 0;
        for (const term of terms) {
          const tf = doc.tf.get(term);
          if (!tf) continue;
          const df = this.#df.get(term) ?? 0;
          const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
          score += (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * doc.length) / average));
        }
        return { id: doc.id, score };
      })
      .filter((hit) => hit.score > 0)
      .sort((left, right) => right.score - left.score)
      .slice(0, topK)
      .map((hit) => hit.id);
  }
}
