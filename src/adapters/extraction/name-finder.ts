import type { EntityType } from '../../domain/entity.js';
import { CONTRACTION, NAME_PARTICLE_PREFIX, SPEECH_VERBS } from './lexicon/context-words.js';
import {
  NEVER_NAMES,
  PERSON_TITLES,
  PET_NOUNS,
  PLACE_PREPOSITIONS,
  RELATIVE_NOUNS,
  singularRelative,
} from './lexicon/cue-words.js';
import type { Gazetteer } from './lexicon/gazetteer.js';
import {
  classifyRun,
  isKnownName,
  looksLikeCommonWord,
  type RunContext,
} from './name-classifier.js';
import { findTeamKeys } from './team-context.js';
import { isAllCaps, isCapitalized, type Token } from './tokenizer.js';

/** A proper-name mention (PERSON, ORG, LOCATION or MISC) by token range (`lastToken` inclusive). */
export interface NameMention {
  readonly type: EntityType;
  readonly firstToken: number;
  readonly lastToken: number;
  readonly confidence: number;
}

const CONNECTORS = new Set([
  'of',
  'de',
  'del',
  'della',
  'da',
  'di',
  'du',
  'van',
  'von',
  'der',
  'la',
  'le',
  '&',
  'y',
  'bin',
  'al',
]);

/** Finds proper names: capitalised runs, plus lower-case names in chat after strong cues. */
export function findNames(
  tokens: readonly Token[],
  blocked: ReadonlySet<number>,
  gazetteer: Gazetteer,
): NameMention[] {
  const capsSentences = allCapsSentences(tokens);
  const nameLike = (index: number): boolean => {
    const token = tokens[index];
    if (!token || blocked.has(index) || !/\p{L}/u.test(token.text)) return false;
    if (CONTRACTION.test(token.text)) return false;
    if (capsSentences.has(token.sentence))
      return isAllCaps(token) && !isHeadlineWord(token.lower, gazetteer);
    return (
      isCapitalized(token) ||
      NAME_PARTICLE_PREFIX.test(token.text) ||
      isLowerCaseName(tokens, index, gazetteer)
    );
  };
  const runs = collectRuns(tokens, nameLike, gazetteer);
  const teams = findTeamKeys(tokens, runs, gazetteer);
  const firstPass: NameMention[] = [];
  const documentSenses = new Map<string, EntityType>();
  for (const [first, last] of runs)
    firstPass.push(...splitAndClassify(tokens, first, last, gazetteer, { teams }));
  for (const mention of firstPass) rememberSense(tokens, mention, documentSenses);
  const mentions: NameMention[] = [];
  for (const [first, last] of runs)
    mentions.push(
      ...splitAndClassify(tokens, first, last, gazetteer, { teams, senses: documentSenses }),
    );
  return mentions;
}

/** In a headline written in capitals, an ordinary English word is not a name ("CRICKET"). */
function isHeadlineWord(word: string, gazetteer: Gazetteer): boolean {
  if (NEVER_NAMES.has(word) || gazetteer.commonWords.has(word)) return true;
  return gazetteer.englishWords.has(word) && !isKnownName(word, gazetteer);
}

function collectRuns(
  tokens: readonly Token[],
  nameLike: (index: number) => boolean,
  gazetteer: Gazetteer,
): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let index = 0;
  while (index < tokens.length) {
    if (!nameLike(index)) {
      index += 1;
      continue;
    }
    let last = index;
    for (;;) {
      const next = tokens[last + 1];
      if (next && next.sentence === tokens[index]?.sentence && nameLike(last + 1)) last += 1;
      else {
        const skip = connectorLength(tokens, last, gazetteer);
        if (skip === 0 || !nameLike(last + skip + 1)) break;
        last += skip + 1;
      }
    }
    runs.push([index, last]);
    index = last + 1;
  }
  return runs;
}

/** Lower-case connectors after `last` that join two name parts ("van der", "Bank of"); 0 if none. */
function connectorLength(tokens: readonly Token[], last: number, gazetteer: Gazetteer): number {
  const sentence = tokens[last]?.sentence;
  let length = 0;
  while (length < 2) {
    const next = tokens[last + length + 1];
    if (!next || next.sentence !== sentence || isCapitalized(next) || !CONNECTORS.has(next.lower))
      break;
    length += 1;
  }
  if (length === 0 || tokens[last + length + 1]?.sentence !== sentence) return 0;
  if (tokens[last + 1]?.lower !== 'of') return length;
  // "Bank of America" joins; "Peter Nicol of Scotland" is a person and a place.
  const before = tokens[last]?.lower ?? '';
  return gazetteer.englishWords.has(before) && !isKnownName(before, gazetteer) ? length : 0;
}

function splitAndClassify(
  tokens: readonly Token[],
  first: number,
  last: number,
  gazetteer: Gazetteer,
  document: Pick<RunContext, 'senses' | 'teams'>,
): NameMention[] {
  const mentions: NameMention[] = [];
  let start = first;
  let personCue = hasPersonCueBefore(tokens, first);
  for (let index = first; index <= last + 1; index += 1) {
    const token = tokens[index];
    const isTitle =
      index <= last && token !== undefined && isTitleAt(tokens, index, last, gazetteer);
    const isSkipped =
      index <= last && token !== undefined && isSkippedStart(tokens, index, start, last, gazetteer);
    if (index <= last && !isTitle && !isSkipped) continue;
    if (index > start) {
      const context: RunContext = {
        ...document,
        personCue,
        petCue: PET_NOUNS.has(tokens[start - 1]?.lower ?? ''),
      };
      const classified = classifyRun(tokens, start, index - 1, gazetteer, context);
      if (classified) mentions.push({ ...classified, firstToken: start, lastToken: index - 1 });
    }
    personCue = isTitle;
    start = index + 1;
  }
  return mentions;
}

function isTitleAt(
  tokens: readonly Token[],
  index: number,
  last: number,
  gazetteer: Gazetteer,
): boolean {
  const token = tokens[index];
  if (!token || index >= last) return false;
  const next = tokens[index + 1];
  if (token.text.endsWith('.') || next?.text === '.')
    return PERSON_TITLES.has(token.lower.replace(/\.$/u, ''));
  if (!PERSON_TITLES.has(token.lower) && !RELATIVE_NOUNS.has(token.lower)) return false;
  // "Father Christmas" or "President Lincoln": a title only when a name follows.
  return (
    next !== undefined &&
    (gazetteer.firstNames.has(next.lower) ||
      gazetteer.lastNames.has(next.lower) ||
      !gazetteer.commonWords.has(next.lower))
  );
}

function isSkippedStart(
  tokens: readonly Token[],
  index: number,
  start: number,
  last: number,
  gazetteer: Gazetteer,
): boolean {
  const token = tokens[index];
  if (!token || index !== start) return false;
  if (NEVER_NAMES.has(token.lower)) return true;
  if (CONNECTORS.has(token.lower) && !isCapitalized(token)) return true;
  const previous = tokens[index - 1];
  const sentenceStart =
    !previous || previous.sentence !== token.sentence || /^["'“‘(\-–—*•:]$/u.test(previous.text);
  if (!sentenceStart || !isOrdinaryStart(tokens, index, last, gazetteer)) return false;
  // Keep "United States" or "Bank of America": the whole run is a known name.
  const whole = tokens
    .slice(index, last + 1)
    .map((item) => item.lower)
    .join(' ');
  return !gazetteer.places.has(whole) && !gazetteer.organizations.has(whole);
}

/** A sentence-initial ordinary English word; a lone one only unless "Bush said". */
function isOrdinaryStart(
  tokens: readonly Token[],
  index: number,
  last: number,
  gazetteer: Gazetteer,
): boolean {
  const word = tokens[index]?.lower ?? '';
  if (looksLikeCommonWord(word, gazetteer)) return true;
  // A longer run ("Acme Corp") is judged by its other words.
  if (index !== last || !gazetteer.englishWords.has(word) || isKnownName(word, gazetteer))
    return false;
  return !SPEECH_VERBS.has(tokens[index + 1]?.lower ?? '');
}

function hasPersonCueBefore(tokens: readonly Token[], first: number): boolean {
  const previous = tokens[first - 1];
  if (!previous) return false;
  const word = previous.lower.replace(/\.$/u, '');
  return PERSON_TITLES.has(word) || RELATIVE_NOUNS.has(singularRelative(word));
}

function isLowerCaseName(tokens: readonly Token[], index: number, gazetteer: Gazetteer): boolean {
  const token = tokens[index];
  const previous = tokens[index - 1];
  if (!token || !previous || !/^\p{Ll}+$/u.test(token.text) || NEVER_NAMES.has(token.lower))
    return false;
  if (gazetteer.firstNames.has(token.lower) && RELATIVE_NOUNS.has(singularRelative(previous.lower)))
    return true;
  if (gazetteer.commonWords.has(token.lower)) return false;
  if (PLACE_PREPOSITIONS.has(previous.lower) && gazetteer.places.has(token.lower)) return true;
  return (
    gazetteer.countries.has(token.lower) ||
    (gazetteer.organizations.has(token.lower) && token.lower.length > 3)
  );
}

function allCapsSentences(tokens: readonly Token[]): Set<number> {
  const counts = new Map<number, [number, number]>();
  for (const token of tokens) {
    if (!/\p{L}{2}/u.test(token.text)) continue;
    const [caps, words] = counts.get(token.sentence) ?? [0, 0];
    counts.set(token.sentence, [caps + (isAllCaps(token) ? 1 : 0), words + 1]);
  }
  const result = new Set<number>();
  for (const [sentence, [caps, words]] of counts)
    if (words >= 3 && caps / words > 0.6) result.add(sentence);
  return result;
}

function rememberSense(
  tokens: readonly Token[],
  mention: NameMention,
  senses: Map<string, EntityType>,
): void {
  if (mention.confidence < 0.75 || mention.type === 'MISC') return;
  const words = tokens.slice(mention.firstToken, mention.lastToken + 1).map((token) => token.lower);
  senses.set(words.join(' '), mention.type);
  if (mention.type === 'PERSON' && words.length > 1) {
    const surname = words[words.length - 1];
    if (surname && !senses.has(surname)) senses.set(surname, 'PERSON');
  }
  if (mention.type === 'ORG' && words.length > 1 && words[0] && !senses.has(words[0]))
    senses.set(words[0], 'ORG');
}
