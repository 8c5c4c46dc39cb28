/**
 * How strongly each session answers a query, in [0,1]: the sum of the best `top` first-stage
 * scores among its candidates, divided by the strongest session's sum. A turn in a session where
 * several turns match is likelier evidence than a lone match, which helps questions whose
 * evidence is several turns of one or more sessions. Candidates without a session ('') get 0.
 * When the candidates average fewer than two per session (sessions of a message or two, such as
 * one chat day each) no session is stronger than another: every strength is 0.
 */
export function sessionStrength(
  candidates: readonly { readonly session: string; readonly score: number }[],
  top: number,
): Map<string, number> {
  const scores = new Map<string, number[]>();
  for (const { session, score } of candidates) {
    if (session === '') continue;
    const list = scores.get(session) ?? [];
    list.push(score);
    scores.set(session, list);
  }
  const sums = new Map(
    [...scores].map(([session, list]) => [
      session,
      list
        .sort((left, right) => right - left)
        .slice(0, top)
        .reduce((sum, score) => sum + Math.max(0, score), 0),
    ]),
  );
  const counted = [...scores.values()].reduce((sum, list) => sum + list.length, 0);
  if (counted < 2 * scores.size) return new Map([...scores.keys()].map((session) => [session, 0]));
  const strongest = Math.max(0, ...sums.values());
  return new Map([...sums].map(([session, sum]) => [session, strongest > 0 ? sum / strongest : 0]));
}
