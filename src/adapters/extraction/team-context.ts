import type { Gazetteer } from './gazetteer.js';
import { MATCH_WORDS, VERSUS_WORDS } from './lexicon/organisation-words.js';
import type { Token } from './tokenizer.js';

const SCORE = /^\d{1,3}$/u;

/**
 * Names used as sports teams in this text ("Leeds 2 Chelsea 1", "Lakers 102 Celtics 99",
 * "Leeds beat Chelsea"): a city named this way is a club (ORG). Countries and people never are.
 * Returns lower-case run keys, applied to every mention of the name in the text.
 */
export function findTeamKeys(
  tokens: readonly Token[],
  runs: ReadonlyArray<readonly [number, number]>,
  gazetteer: Gazetteer,
): Set<string> {
  const teams = new Set<string>();
  const scored = runs.filter(([, last]) => SCORE.test(tokens[last + 1]?.text ?? ''));
  const scoredPerSentence = new Map<number, number>();
  for (const [first] of scored) {
    const sentence = tokens[first]?.sentence ?? -1;
    scoredPerSentence.set(sentence, (scoredPerSentence.get(sentence) ?? 0) + 1);
  }
  for (const [first, last] of scored) {
    const pairedScore = (scoredPerSentence.get(tokens[first]?.sentence ?? -1) ?? 0) >= 2;
    if ((pairedScore && opensScoreEntry(tokens, first)) || isStandingsRow(tokens, first, last))
      addTeam(teams, tokens, first, last, gazetteer);
  }
  for (const [first, last] of runs) {
    const previous = tokens[first - 1]?.lower ?? '';
    if (VERSUS_WORDS.has(previous) && isClubLike(tokens, first, last, gazetteer))
      addTeam(teams, tokens, first, last, gazetteer);
  }
  for (let index = 1; index < runs.length; index += 1) {
    const [leftFirst, leftLast] = runs[index - 1] ?? [0, 0];
    const [rightFirst, rightLast] = runs[index] ?? [0, 0];
    const between = tokens.slice(leftLast + 1, rightFirst).map((token) => token.lower);
    if (between.length !== 1 || !MATCH_WORDS.has(between[0] ?? '')) continue;
    if (!isClubLike(tokens, leftFirst, leftLast, gazetteer)) continue;
    if (!isClubLike(tokens, rightFirst, rightLast, gazetteer)) continue;
    addTeam(teams, tokens, leftFirst, leftLast, gazetteer);
    addTeam(teams, tokens, rightFirst, rightLast, gazetteer);
  }
  return teams;
}

/** The run starts a line, or follows the previous team's score. */
function opensScoreEntry(tokens: readonly Token[], first: number): boolean {
  const previous = tokens[first - 1];
  return (
    !previous ||
    previous.sentence !== tokens[first]?.sentence ||
    SCORE.test(previous.text) ||
    previous.text === ','
  );
}

/** A line that is a name and then at least two small numbers (a league table row). */
function isStandingsRow(tokens: readonly Token[], first: number, last: number): boolean {
  const previous = tokens[first - 1];
  if (previous && previous.sentence === tokens[first]?.sentence) return false;
  return [1, 2].every((offset) => SCORE.test(tokens[last + offset]?.text ?? ''));
}

/** A place that is not a country, or a name nobody's lexicon knows: a club can be called that. */
function isClubLike(
  tokens: readonly Token[],
  first: number,
  last: number,
  gazetteer: Gazetteer,
): boolean {
  const key = runKey(tokens, first, last);
  const head = tokens[first]?.lower ?? '';
  if (gazetteer.countries.has(key) || gazetteer.firstNames.has(head)) return false;
  return gazetteer.places.has(key) || !gazetteer.nameParts.has(head);
}

function addTeam(
  teams: Set<string>,
  tokens: readonly Token[],
  first: number,
  last: number,
  gazetteer: Gazetteer,
): void {
  const key = runKey(tokens, first, last);
  if (!gazetteer.countries.has(key) && !gazetteer.firstNames.has(tokens[first]?.lower ?? ''))
    teams.add(key);
}

/** Lower-case words of a run joined by spaces (the key classifiers use). */
export function runKey(tokens: readonly Token[], first: number, last: number): string {
  return tokens
    .slice(first, last + 1)
    .map((token) => (/^\p{L}{2,}\.$/u.test(token.text) ? token.lower.slice(0, -1) : token.lower))
    .join(' ');
}
