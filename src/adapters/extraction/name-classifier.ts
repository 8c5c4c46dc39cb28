import type { Gazetteer } from './gazetteer.js';
import { isPlaceGeneral } from './institution-names.js';
import { EVENT_SUFFIXES, HOLIDAYS, STORM_WORDS } from './lexicon/event-words.js';
import { LANGUAGES, NATIONALITY_ENDINGS } from './lexicon/misc-words.js';
import { INNER_NAME_PARTICLES, NAMING_WORDS } from './lexicon/name-words.js';
import {
  ORG_NEXT_WORDS,
  ORG_PREFIXES,
  ORG_PREVIOUS_WORDS,
  ORG_SUFFIXES,
  SAINT_WORDS,
  WORK_WORDS,
} from './lexicon/organisation-words.js';
import { PERSON_NEXT_WORDS } from './lexicon/person-words.js';
import {
  COMPASS_WORDS,
  FACILITY_HEADS,
  NEWSPAPER_STATES,
  PLACE_ABBREVIATIONS,
  PLACE_NOUNS,
  PLACE_PREPOSITIONS,
  PLACE_SUFFIXES,
} from './lexicon/place-words.js';
import { isFullName, isNamePart, looksLikeCommonWord } from './name-lists.js';
import type { RunContext, RunType } from './name-mention.js';
import { byArticle, byLetterShape, byShape } from './name-shape.js';
import type { Token } from './tokenizer.js';
import { byWhatItNames, byWorkContext } from './work-context.js';

export type { NameMention, RunContext, RunType } from './name-mention.js';

// "Kurdish", "Chechen", "Zairean", "Islamic": the shape of a nationality or religion adjective.
const NATIONALITY_ADJECTIVE = new RegExp(`(?:${[...NATIONALITY_ENDINGS].join('|')})$`, 'u');

/** Types a run of capitalised tokens from gazetteers, affixes and surrounding cue words. */
export function classifyRun(
  tokens: readonly Token[],
  first: number,
  last: number,
  gazetteer: Gazetteer,
  context: RunContext,
): RunType | undefined {
  const words = tokens
    .slice(first, last + 1)
    .map((token) => (/^\p{L}{2,}\.$/u.test(token.text) ? token.lower.slice(0, -1) : token.lower));
  const key = words.join(' ').replace(/ ['’]s\b/gu, "'s");
  if (!/\p{L}/u.test(key)) return undefined;
  // "US", "LA", "NYC": places written as capitals (the key alone would be "us", "la").
  if (first === last && PLACE_ABBREVIATIONS.has(tokens[first]?.text ?? '') && !context.personCue)
    return { type: 'LOCATION', confidence: 0.8 };
  if (context.workplace && !context.personCue && !gazetteer.places.has(key))
    return { type: 'ORG', confidence: 0.75 };
  return (
    (context.personCue ? undefined : byWhatItNames(tokens, first, last, gazetteer)) ??
    byRunCues(words, key, gazetteer, context) ??
    byLexicon(words, key, gazetteer) ??
    bySense(key, context) ??
    byWorkContext(tokens, first, last) ??
    byContext(tokens, first, last, words, gazetteer) ??
    byShape(words, gazetteer)
  );
}

/** What the words around the run say: a title or kinship noun, a pet noun, a team, a state. */
function byRunCues(
  words: readonly string[],
  key: string,
  gazetteer: Gazetteer,
  context: RunContext,
): RunType | undefined {
  if (context.personCue) return { type: 'PERSON', confidence: 0.9 };
  if (context.petCue && words.length <= 2) return { type: 'MISC', confidence: 0.8 };
  if (context.teams?.has(key)) return { type: 'ORG', confidence: 0.8 };
  // "Michael Jackson … Jackson fans": a surname named earlier is that person, not a city or a club.
  if (words.length === 1 && context.senses?.get(key) === 'PERSON')
    return { type: 'PERSON', confidence: 0.85 };
  // "Acme shares", "Gallup poll"; not "Sudanese jets", "U.S. jets": peoples and countries.
  const people = isNationality(words, gazetteer) || gazetteer.countries.has(key);
  if (words.length === 1 && context.orgCue && !people) return { type: 'ORG', confidence: 0.75 };
  if (context.stateAbbreviation || context.beforeState)
    return { type: 'LOCATION', confidence: 0.85 };
  if (context.withSpeaker) return { type: 'PERSON', confidence: 0.8 };
  return undefined;
}

/** What the gazetteers and the run's own first and last words say. */
function byLexicon(
  words: readonly string[],
  key: string,
  gazetteer: Gazetteer,
): RunType | undefined {
  const head = words[0] ?? '';
  const tail = words[words.length - 1] ?? '';
  if (gazetteer.organizations.has(key)) return { type: 'ORG', confidence: 0.9 };
  // "St. Mary's", "Saint Jude's": a hospital, school or church named after its saint.
  if (words.length > 1 && SAINT_WORDS.has(head) && /['’]s$/u.test(key))
    return { type: 'ORG', confidence: 0.8 };
  // "Bank of China Tower", "HSBC Main Building", "Wembley Stadium": a building is a place.
  if (words.length > 1 && FACILITY_HEADS.has(tail)) return { type: 'LOCATION', confidence: 0.8 };
  if (words.length > 1 && gazetteer.people.has(key)) return { type: 'PERSON', confidence: 0.9 };
  if (words.length > 1 && ORG_SUFFIXES.has(tail)) return { type: 'ORG', confidence: 0.85 };
  if (isPlaceGeneral(words, gazetteer)) return { type: 'ORG', confidence: 0.8 };
  if (words.length > 1 && EVENT_SUFFIXES.has(tail)) return { type: 'EVENT', confidence: 0.75 };
  if (HOLIDAYS.has(key) || (words.length > 1 && STORM_WORDS.has(head)))
    return { type: 'EVENT', confidence: 0.8 };
  if (words.length > 2 && ORG_PREFIXES.has(head) && words.includes('of'))
    return { type: 'ORG', confidence: 0.8 };
  if (gazetteer.places.has(key) && !(words.length > 1 && gazetteer.firstNames.has(head))) {
    return { type: 'LOCATION', confidence: 0.85 };
  }
  if (words.length > 1 && PLACE_SUFFIXES.has(tail)) return { type: 'LOCATION', confidence: 0.8 };
  // "South Asia", "Northern Ireland", "East Texas": a compass word before a known place.
  if (words.length > 1 && COMPASS_WORDS.has(head) && gazetteer.places.has(words.slice(1).join(' ')))
    return { type: 'LOCATION', confidence: 0.8 };
  if (isNationality(words, gazetteer) || LANGUAGES.has(key))
    return { type: 'MISC', confidence: 0.7 };
  // "Joran Van Der Sloot", "Ludwig van Beethoven": a name particle inside makes a person.
  if (words.length > 2 && words.slice(1, -1).some((word) => INNER_NAME_PARTICLES.has(word)))
    return { type: 'PERSON', confidence: 0.75 };
  if (words.length <= 4 && gazetteer.firstNames.has(head))
    return { type: 'PERSON', confidence: 0.85 };
  if (words.length > 1 && words.length <= 3 && gazetteer.lastNames.has(tail))
    return { type: 'PERSON', confidence: 0.8 };
  if (isFullName(words, gazetteer)) return { type: 'PERSON', confidence: 0.75 };
  return undefined;
}

/** "Kurdish", "South Korean", "Iraqi Kurdish": a nationality or faith adjective (MISC). */
function isNationality(words: readonly string[], gazetteer: Gazetteer): boolean {
  const isDemonym = (word: string): boolean =>
    gazetteer.demonyms.has(word) || gazetteer.demonyms.has(word.replace(/s$/u, ''));
  const tail = words[words.length - 1] ?? '';
  if (!isDemonym(tail)) return false;
  return words.slice(0, -1).every((word) => COMPASS_WORDS.has(word) || isDemonym(word));
}

function bySense(key: string, context: RunContext): RunType | undefined {
  const type = context.senses?.get(key);
  return type ? { type, confidence: 0.8 } : undefined;
}

function byContext(
  tokens: readonly Token[],
  first: number,
  last: number,
  words: readonly string[],
  gazetteer: Gazetteer,
): RunType | undefined {
  const named = NAMING_WORDS.has(tokens[first - 1]?.lower ?? '') ? 1 : 0;
  const previous = tokens[first - 1 - named]?.lower ?? '';
  const beforePrevious = tokens[first - 2 - named]?.lower ?? '';
  const next = tokens[last + 1]?.lower ?? '';
  if (named && PLACE_NOUNS.has(previous)) return { type: 'LOCATION', confidence: 0.7 };
  if (STORM_WORDS.has(previous)) return { type: 'EVENT', confidence: 0.75 };
  // "Brian Michaud of Millinocket": a bare name after "<Name> of" is where the person is from.
  const beforeOf = tokens[first - 2];
  if (previous === 'of' && first === last && beforeOf && /^\p{Lu}\p{Ll}/u.test(beforeOf.text))
    return { type: 'LOCATION', confidence: 0.6 };
  if ((previous === 'at' || previous === 'for') && WORK_WORDS.has(beforePrevious))
    return { type: 'ORG', confidence: 0.7 };
  if (ORG_NEXT_WORDS.has(next) || ORG_PREVIOUS_WORDS.has(previous))
    return { type: 'ORG', confidence: 0.7 };
  const shaped = byLetterShape(tokens, first, last, gazetteer);
  if (shaped) return shaped;
  if (
    (previous === 'of' && PLACE_NOUNS.has(beforePrevious)) ||
    (next === ',' && tokens[last + 2]?.lower === 'where') ||
    (previous === 'capital' && beforePrevious === 'the') ||
    (next === ',' && isPlaceAt(tokens, last + 2, gazetteer))
  )
    return { type: 'LOCATION', confidence: 0.75 };
  if (words.length === 1 && isAdjectiveBefore(tokens, last, words[0] ?? '', gazetteer))
    return { type: 'MISC', confidence: 0.6 };
  if (PERSON_NEXT_WORDS.has(next)) return { type: 'PERSON', confidence: 0.65 };
  // "Bavil province", "the Seattle area": a place noun after the name.
  if (PLACE_NOUNS.has(next) && /^\p{Ll}/u.test(tokens[last + 1]?.text ?? ''))
    return { type: 'LOCATION', confidence: 0.7 };
  // "Gardner Massachusetts", "Paris Texas": a name right before its state or country is a town.
  if (isRegionAt(tokens, last + 1, gazetteer)) return { type: 'LOCATION', confidence: 0.7 };
  if (gazetteer.lastNames.has(words[0] ?? '') && words.length === 1)
    return { type: 'PERSON', confidence: 0.65 };
  // "in Tacambaro"; not "have to Go", "in Love": an ordinary word is no place for its capital.
  const ordinary = first === last && looksLikeCommonWord(words[0] ?? '', gazetteer);
  if (PLACE_PREPOSITIONS.has(previous) && !ordinary) return { type: 'LOCATION', confidence: 0.55 };
  // "the Lakers": a plural name after an article is a team or a band; most else after one is an
  // ordinary word written with a capital ("the President").
  return previous === 'the' ? byArticle(words, gazetteer) : undefined;
}

/** True when the token is a US state as newspapers write it ("Conn.", "TX", "Ohio"). */
export function isStateAt(tokens: readonly Token[], index: number, gazetteer: Gazetteer): boolean {
  const token = tokens[index];
  if (!token) return false;
  const bare = token.text.replace(/\.$/u, '');
  return NEWSPAPER_STATES.has(token.text) || gazetteer.usStateCodes.has(bare);
}

function isRegionAt(tokens: readonly Token[], index: number, gazetteer: Gazetteer): boolean {
  const token = tokens[index];
  if (!token || !/^\p{Lu}/u.test(token.text)) return false;
  const one = token.lower;
  const two = `${one} ${tokens[index + 1]?.lower}`;
  return [one, two].some((name) => gazetteer.usStates.has(name) || gazetteer.countries.has(name));
}

function isPlaceAt(tokens: readonly Token[], index: number, gazetteer: Gazetteer): boolean {
  const token = tokens[index];
  if (!token || !/^\p{Lu}/u.test(token.text)) return false;
  const word = token.lower.replace(/\.$/u, '');
  return (
    gazetteer.countries.has(word) ||
    gazetteer.usStateCodes.has(token.text.replace(/\.$/u, '')) ||
    NEWSPAPER_STATES.has(token.text)
  );
}

/** "Kurdish rebels", "Chechen separatist": an unknown word shaped like a nationality adjective. */
function isAdjectiveBefore(
  tokens: readonly Token[],
  last: number,
  word: string,
  gazetteer: Gazetteer,
): boolean {
  const next = tokens[last + 1]?.text ?? '';
  return (
    NATIONALITY_ADJECTIVE.test(word) &&
    /^\p{Ll}{3,}$/u.test(next) &&
    !next.endsWith('ed') &&
    !PERSON_NEXT_WORDS.has(next) &&
    gazetteer.englishWords.has(next) &&
    !isNamePart(word, gazetteer)
  );
}
