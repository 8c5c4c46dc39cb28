import type { EntityType } from '../../domain/entity.js';
import { isChatNoise, isEmphasis, isVerbUse } from './chat-words.js';
import type { Gazetteer } from './gazetteer.js';
import { possessiveNameEnd } from './institution-names.js';
import { CONNECTORS, NAME_PARTICLES, NEVER_NAMES } from './lexicon/name-words.js';
import { isLowerCaseName } from './lower-case-names.js';
import type { NameMention } from './name-classifier.js';
import { isKnownName } from './name-lists.js';
import { splitAndClassify } from './run-splitter.js';
import { sentenceCasing } from './sentence-casing.js';
import { findTeamKeys } from './team-context.js';
import { isAllCaps, isCapitalized, type Token } from './tokenizer.js';

export type { NameMention } from './name-classifier.js';

/** A contraction ("must've", "you're", "we'll", "don't"): never a name. */
const CONTRACTION = /['’](?:ve|re|ll|d|m|t)$|n['’]t$|^y['’]\p{L}/iu;
/** A hyphenated name particle that stays lower-case inside names ("al-Saadani", "bin-Laden"). */
const NAME_PARTICLE_PREFIX = new RegExp(`^(?:${[...NAME_PARTICLES].join('|')})-\\p{Lu}`, 'u');

/** Finds proper names: capitalised runs, plus lower-case names in chat after strong cues. */
export function findNames(
  tokens: readonly Token[],
  blocked: ReadonlySet<number>,
  gazetteer: Gazetteer,
  keepTitles = false,
): NameMention[] {
  const nameLike = nameTest(tokens, blocked, gazetteer);
  const runs = collectRuns(tokens, nameLike, gazetteer);
  const teams = findTeamKeys(tokens, runs, gazetteer);
  const firstPass: NameMention[] = [];
  const documentSenses = new Map<string, EntityType>();
  for (const [first, last] of runs)
    firstPass.push(...splitAndClassify(tokens, first, last, gazetteer, { teams, keepTitles }));
  for (const mention of firstPass) rememberSense(tokens, mention, documentSenses, gazetteer);
  const mentions: NameMention[] = [];
  for (const [first, last] of runs)
    mentions.push(
      ...splitAndClassify(tokens, first, last, gazetteer, {
        teams,
        senses: documentSenses,
        keepTitles,
      }),
    );
  return mentions;
}

/** Whether each token can be part of a name, by its own shape and its sentence's casing. */
function nameTest(
  tokens: readonly Token[],
  blocked: ReadonlySet<number>,
  gazetteer: Gazetteer,
): (index: number) => boolean {
  const casing = sentenceCasing(tokens);
  return (index: number): boolean => {
    const token = tokens[index];
    if (!token || blocked.has(index) || !/\p{L}/u.test(token.text)) return false;
    if (CONTRACTION.test(token.text) || (NEVER_NAMES.has(token.lower) && !isAllCaps(token)))
      return false;
    // "#FakeNews": a hashtag is a topic, not a name.
    if (isChatNoise(token) || tokens[index - 1]?.text === '#') return false;
    // "Q2", "H1": period codes, not names.
    if (/^\p{Lu}\d+$/u.test(token.text)) return false;
    // "Shr", "Chg", "Bldg": abbreviations; names have vowels.
    if (!/[aeiouyà-ÿ.]/iu.test(token.text) && !isAllCaps(token)) return false;
    if (casing.allCaps.has(token.sentence))
      return (
        isAllCaps(token) &&
        (!isHeadlineWord(token.lower, gazetteer) || inKnownPair(tokens, index, gazetteer))
      );
    if (isEmphasis(tokens, index, gazetteer) && !inKnownPair(tokens, index, gazetteer))
      return false;
    if (isVerbUse(tokens, index, gazetteer)) return false;
    // "Lol I Love This Song": when every word has a capital, only known names are names.
    if (casing.titleCase.has(token.sentence) && isCapitalized(token))
      return !isHeadlineWord(token.lower, gazetteer) || inKnownPair(tokens, index, gazetteer);
    return (
      isCapitalized(token) ||
      NAME_PARTICLE_PREFIX.test(token.text) ||
      isLowerCaseName(tokens, index, gazetteer)
    );
  };
}

/** "SAN DIEGO", "HONG KONG": the word and a neighbour make a known place or organisation. */
function inKnownPair(tokens: readonly Token[], index: number, gazetteer: Gazetteer): boolean {
  const word = tokens[index]?.lower ?? '';
  const pairs = [`${tokens[index - 1]?.lower} ${word}`, `${word} ${tokens[index + 1]?.lower}`];
  return pairs.some((pair) => gazetteer.places.has(pair) || gazetteer.organizations.has(pair));
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
        const throughPossessive = possessiveNameEnd(tokens, [index, last], nameLike, gazetteer);
        if (throughPossessive > last) {
          last = throughPossessive;
          continue;
        }
        const skip = connectorLength(tokens, [index, last], gazetteer);
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
function connectorLength(
  tokens: readonly Token[],
  [first, last]: readonly [number, number],
  gazetteer: Gazetteer,
): number {
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
  if (gazetteer.firstNames.has(tokens[first]?.lower ?? '')) return 0;
  return gazetteer.englishWords.has(before) && !isKnownName(before, gazetteer) ? length : 0;
}

function rememberSense(
  tokens: readonly Token[],
  mention: NameMention,
  senses: Map<string, EntityType>,
  gazetteer: Gazetteer,
): void {
  if (mention.confidence < 0.7 || mention.type === 'MISC') return;
  const words = tokens.slice(mention.firstToken, mention.lastToken + 1).map((token) => token.lower);
  senses.set(words.join(' '), mention.type);
  if (mention.type === 'PERSON' && words.length > 1) {
    const surname = words[words.length - 1];
    if (surname && !senses.has(surname)) senses.set(surname, 'PERSON');
    // "Joran Van Der Sloot … Joran": an unusual first name is that person too.
    const given = words[0] ?? '';
    if (!senses.has(given) && !gazetteer.englishWords.has(given) && !isKnownName(given, gazetteer))
      senses.set(given, 'PERSON');
  }
  if (mention.type === 'ORG' && words.length > 1 && words[0] && !senses.has(words[0]))
    senses.set(words[0], 'ORG');
}
