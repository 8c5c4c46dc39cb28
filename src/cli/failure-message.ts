// Conditions worth naming in words at start-up; the SQL of a failed query says nothing useful.
const KNOWN: ReadonlyArray<{ test: (error: Error & { code?: unknown }) => boolean; say: string }> =
  [
    { test: (error) => error.code === '3D000', say: 'the database in DATABASE_URL does not exist' },
    {
      test: (error) => error.code === '28P01' || error.code === '28000',
      say: 'the database refused the credentials in DATABASE_URL',
    },
    {
      test: (error) => error.code === 'ENOSPC' || error.code === '53100',
      say: 'no space left on the device holding the data (free some, then start again)',
    },
  ];

/**
 * One line saying why a command failed: a known condition in words, else the innermost message
 * (drizzle's "Failed query: …" wrapper names the SQL, not the cause), never "undefined".
 */
export function failureMessage(error: unknown): string {
  const chain: Array<Error & { code?: unknown }> = [];
  for (let current = error; current instanceof Error && chain.length < 8; current = current.cause)
    chain.push(current);
  for (const known of KNOWN) {
    const found = chain.find((entry) => known.test(entry));
    if (found) return `${known.say} (${found.message || String(found.code)})`;
  }
  const useful = chain.find((entry) => entry.message && !entry.message.startsWith('Failed query'));
  if (useful) return useful.message;
  const inner = chain.at(-1);
  if (inner) return inner.message || inner.name;
  return error === undefined || error === null ? 'unknown failure' : String(error);
}
