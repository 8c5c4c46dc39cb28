/**
 * The one encoding of word lists: entries separated by white space (line breaks included), with
 * `_` standing for the space inside a multi-word entry (`bank_of_america`), as WordNet writes them.
 */

/** The entries of a word list, in order, without duplicates. */
export function words(list: string): ReadonlySet<string> {
  const entries = list.split(/\s+/u).filter((entry) => entry !== '');
  return new Set(entries.map((entry) => entry.replaceAll('_', ' ')));
}

/** Each entry of each group mapped to its group's key; a later group wins a shared entry. */
export function wordGroups<Key extends string>(
  groups: Readonly<Partial<Record<Key, string>>>,
): ReadonlyMap<string, Key> {
  const index = new Map<string, Key>();
  for (const [key, list] of Object.entries(groups) as [Key, string | undefined][])
    for (const entry of words(list ?? '')) index.set(entry, key);
  return index;
}
