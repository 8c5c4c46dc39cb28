import { hasPersonCueAfter, isCalledRelative } from './chat-words.js';
import type { Gazetteer } from './gazetteer.js';
import { isPlaceGeneral } from './institution-names.js';
import { isRelativeNoun, kinshipRelation } from './kinship.js';
import { EVENT_SUFFIXES, STORM_WORDS } from './lexicon/event-words.js';
import { PET_NOUNS } from './lexicon/misc-words.js';
import { CONNECTORS, FUNCTION_WORDS, NEVER_NAMES } from './lexicon/name-words.js';
import {
  ORG_NEXT_WORDS,
  ORG_PREVIOUS_WORDS,
  ORG_SUFFIXES,
  WORK_WORDS,
} from './lexicon/organisation-words.js';
import {
  ABSTRACT_NOUN_NAMES,
  PARTY_WORDS,
  PERSON_TITLES,
  ROLES_BEFORE_NAMES,
  SPEECH_VERBS,
  WITH_SPEAKER_AFTER,
  WITH_SPEAKER_BEFORE,
} from './lexicon/person-words.js';
import { NEWSPAPER_STATES, PLACE_ABBREVIATIONS } from './lexicon/place-words.js';
import { isLowerCasePerson } from './lower-case-names.js';
import { classifyRun, isStateAt, type NameMention, type RunContext } from './name-classifier.js';
import { isKnownName, looksLikeCommonWord } from './name-lists.js';
import { endsNameAfter } from './run-boundaries.js';
import { isCapitalized, type Token } from './tokenizer.js';

// "Boston-based", "Brazilian-born", "Communist-led": an adjective built on a name (MISC).
const NAME_ADJECTIVE = /-(?:based|born|led|backed|controlled|owned|made|run)$/iu;

/** How one token of a run is treated when the run is cut into mentions. */
type Cut = 'keep' | 'title' | 'skip' | 'misc-alone' | 'misc-through' | 'end-here';

/** Cuts a capitalised run at titles, kinship words and name adjectives, then types each part. */
export function splitAndClassify(
  tokens: readonly Token[],
  first: number,
  last: number,
  gazetteer: Gazetteer,
  document: Pick<RunContext, 'senses' | 'teams'> & { readonly keepTitles?: boolean },
): NameMention[] {
  const mentions: NameMention[] = [];
  let titleStart: number | undefined;
  let start = first;
  let personCue =
    hasPersonCueBefore(tokens, first) ||
    isCalledRelative(tokens, last) ||
    isLowerCasePerson(tokens, first, last, gazetteer);
  const emit = (from: number, to: number): void => {
    if (to < from) return;
    const context = runContext(tokens, [from, to], gazetteer, { ...document, personCue });
    const classified = classifyRun(tokens, from, to, gazetteer, context);
    // CoNLL04 convention (keepTitles): "President Lincoln" spans its title.
    const first = classified?.type === 'PERSON' && titleStart !== undefined ? titleStart : from;
    if (classified) mentions.push({ ...classified, firstToken: first, lastToken: to });
    titleStart = undefined;
  };
  for (let index = first; index <= last; index += 1) {
    const cut = cutAt(tokens, [index, start, last], gazetteer, document);
    if (cut === 'keep') continue;
    if (cut === 'end-here') {
      emit(start, index);
      personCue = false;
      start = index + 1;
      continue;
    }
    if (cut === 'misc-alone' || cut === 'misc-through') {
      if (cut === 'misc-through') emit(start, index - 1);
      mentions.push({ type: 'MISC', confidence: 0.7, firstToken: index, lastToken: index });
    } else emit(start, index - 1);
    personCue = cut === 'title';
    const word = tokens[index]?.lower.replace(/\.$/u, '') ?? '';
    if (personCue && document.keepTitles && PERSON_TITLES.has(word)) titleStart ??= index;
    start = index + 1;
  }
  emit(start, last);
  return mentions;
}

function runContext(
  tokens: readonly Token[],
  [from, to]: readonly [number, number],
  gazetteer: Gazetteer,
  known: Pick<RunContext, 'senses' | 'teams' | 'personCue'>,
): RunContext {
  return {
    ...known,
    petCue: PET_NOUNS.has(tokens[from - 1]?.lower ?? ''),
    withSpeaker: isWithSpeaker(tokens, from, to),
    workplace: isWorkplaceRun(tokens, from),
    stateAbbreviation: from === to && NEWSPAPER_STATES.has(tokens[from]?.text ?? ''),
    beforeState: tokens[to + 1]?.text === ',' && isStateAt(tokens, to + 2, gazetteer),
    orgCue:
      ORG_NEXT_WORDS.has(tokens[to + 1]?.lower ?? '') ||
      ORG_PREVIOUS_WORDS.has(tokens[from - 1]?.lower ?? ''),
  };
}

function cutAt(
  tokens: readonly Token[],
  [index, start, last]: readonly [number, number, number],
  gazetteer: Gazetteer,
  { teams, senses }: Pick<RunContext, 'senses' | 'teams'>,
): Cut {
  const token = tokens[index];
  if (!token) return 'keep';
  if (NAME_ADJECTIVE.test(token.text)) return index === start ? 'misc-alone' : 'misc-through';
  // "started at Legacy Emanuel": no role word or name boundary inside a workplace's name.
  if (isWorkplaceRun(tokens, start))
    return index === start && PERSON_TITLES.has(token.lower.replace(/\.$/u, '')) ? 'title' : 'keep';
  if (isTitleAt(tokens, index, start, last, gazetteer)) return 'title';
  if (endsNameAfter(tokens, index, start, last, gazetteer)) return 'end-here';
  if (index !== start) return 'keep';
  // "Stacy Brown … Brown is unsure": a name this text already used is not an ordinary start.
  const whole = runWords(tokens, index, last);
  if (!teams?.has(whole) && !senses?.has(whole) && isSkippedStart(tokens, index, last, gazetteer))
    return 'skip';
  return isLeadingNationality(tokens, index, last, gazetteer) ? 'misc-alone' : 'keep';
}

/**
 * "started at Legacy Emanuel", "a new job at Swedish Medical": a run right after "at" that
 * follows a work word names the workplace as a whole, ordinary or national first word too
 * (people work "for" a person, not "at" one).
 */
export function isWorkplaceRun(tokens: readonly Token[], start: number): boolean {
  if (tokens[start - 1]?.lower !== 'at') return false;
  for (let index = start - 2; index >= Math.max(0, start - 5); index -= 1) {
    const token = tokens[index];
    if (!token || token.sentence !== tokens[start]?.sentence) return false;
    if (WORK_WORDS.has(token.lower)) return true;
  }
  return false;
}

/** "American Nate Miller", "German Foreign Ministry": a nationality before another name. */
function isLeadingNationality(
  tokens: readonly Token[],
  index: number,
  last: number,
  gazetteer: Gazetteer,
): boolean {
  const word = tokens[index]?.lower ?? '';
  if (index >= last || !(gazetteer.demonyms.has(word) || PARTY_WORDS.has(word))) return false;
  // "Christian Bale" is a person; "American Airlines", "European Space Agency" one organisation.
  if (gazetteer.firstNames.has(word) || gazetteer.wordNames.has(word)) return false;
  const tail = tokens[last]?.lower ?? '';
  if (ORG_SUFFIXES.has(tail) || (PARTY_WORDS.has(word) && EVENT_SUFFIXES.has(tail))) return false;
  const whole = runWords(tokens, index, last);
  return !gazetteer.organizations.has(whole) && !gazetteer.places.has(whole);
}

function isTitleAt(
  tokens: readonly Token[],
  index: number,
  start: number,
  last: number,
  gazetteer: Gazetteer,
): boolean {
  const token = tokens[index];
  if (!token) return false;
  const word = token.lower.replace(/\.$/u, '');
  // "Microsoft CEO": a title closing a run is not part of the name.
  // "Mr. President": a title alone after another title is no name either.
  const afterTitle = PERSON_TITLES.has(tokens[index - 1]?.lower.replace(/\.$/u, '') ?? '');
  if (index === last) {
    // "Mass General", "Toronto General": a hospital, not a title.
    const head = tokens.slice(start, index).map((item) => item.lower.replace(/\.$/u, ''));
    if (isPlaceGeneral([...head, word], gazetteer)) return false;
    return (index > start || afterTitle) && PERSON_TITLES.has(word);
  }
  const next = tokens[index + 1];
  if (token.text.endsWith('.') || next?.text === '.') return PERSON_TITLES.has(word);
  if (word.includes('-') && word.split('-').every((part) => PERSON_TITLES.has(part))) return true;
  if (!PERSON_TITLES.has(word) && !isRelativeNoun(word))
    return isRoleBeforeFirstName(tokens, index, start, gazetteer);
  // "Vice President Cheney", "Herr Doktor Hecht": a title before another title is one too.
  if (PERSON_TITLES.has(next?.lower.replace(/\.$/u, '') ?? '')) return true;
  // "Martin Luther King Jr": after a first name, a title word is a surname.
  const previous = tokens[index - 1]?.lower ?? '';
  const afterName = gazetteer.firstNames.has(previous) || gazetteer.nameParts.has(previous);
  if (index > start && afterName && !gazetteer.firstNames.has(next?.lower ?? '')) return false;
  // "my Aunt Seal": a relative's name follows a kinship word, whatever it means as a word.
  if (index === start && kinshipRelation(word) !== undefined) return next !== undefined;
  // "Father Christmas" or "President Lincoln": a title only when a name follows.
  return (
    next !== undefined &&
    (gazetteer.firstNames.has(next.lower) ||
      gazetteer.lastNames.has(next.lower) ||
      !gazetteer.commonWords.has(next.lower))
  );
}

/** "Fullback Andre Joubert", "Ex-Yankee Randy Velarde": an ordinary word before a first name. */
function isRoleBeforeFirstName(
  tokens: readonly Token[],
  index: number,
  start: number,
  gazetteer: Gazetteer,
): boolean {
  const word = tokens[index]?.lower ?? '';
  const next = tokens[index + 1]?.lower ?? '';
  if (index !== start || !gazetteer.firstNames.has(next)) return false;
  if (isKnownName(word, gazetteer) || gazetteer.wordNames.has(word)) return false;
  // "Hurricane Katrina", "Typhoon Haiyan": the storm's name, not a person after a role.
  if (STORM_WORDS.has(word)) return false;
  return gazetteer.englishWords.has(word) || word.startsWith('ex-');
}

function isSkippedStart(
  tokens: readonly Token[],
  index: number,
  last: number,
  gazetteer: Gazetteer,
): boolean {
  const token = tokens[index];
  if (!token || PLACE_ABBREVIATIONS.has(token.text)) return false;
  if (NEVER_NAMES.has(token.lower) || FUNCTION_WORDS.has(token.lower)) return true;
  if (CONNECTORS.has(token.lower) && !isCapitalized(token)) return true;
  const previous = tokens[index - 1];
  const sentenceStart =
    !previous || previous.sentence !== token.sentence || /^["'“‘(\-–—*•:]$/u.test(previous.text);
  if (!sentenceStart || !isOrdinaryStart(tokens, index, last, gazetteer)) return false;
  // Keep "United States", "Bank of America", "Social Democratic Party": known or shaped like one.
  const whole = runWords(tokens, index, last);
  if (index < last && ORG_SUFFIXES.has(tokens[last]?.lower ?? '')) return false;
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
  const next = tokens[index + 1]?.lower ?? '';
  // "Jay Buhner": a first name that is also a word, before a name that is no word.
  if (index < last && gazetteer.wordNames.has(word) && !gazetteer.englishWords.has(next))
    return false;
  if (looksLikeCommonWord(word, gazetteer)) return true;
  // "Hope is not a strategy": a name that is also an abstract noun needs a person cue.
  if (index === last && ABSTRACT_NOUN_NAMES.has(word))
    return !hasPersonCueAfter(tokens, last, gazetteer);
  // A longer run ("Acme Corp") is judged by its other words.
  if (index !== last || !gazetteer.englishWords.has(word) || isKnownName(word, gazetteer))
    return false;
  // "Bush said", "Trump's campaign": a speech verb or a possessive makes it a name.
  return !SPEECH_VERBS.has(next) && next !== "'s" && next !== '’s';
}

function hasPersonCueBefore(tokens: readonly Token[], first: number): boolean {
  const previous = tokens[first - 1];
  if (!previous) return false;
  const word = previous.lower.replace(/\.$/u, '');
  if (PERSON_TITLES.has(word) || kinshipRelation(word) !== undefined) return true;
  // "rapper Fifty Cent", "lead suspect Joran Van Der Sloot": a lower-case role before the name.
  return ROLES_BEFORE_NAMES.has(previous.text);
}

/** "Jordan and I", "me and Chelsea": only people are coordinated with the speaker. */
function isWithSpeaker(tokens: readonly Token[], first: number, last: number): boolean {
  const after = `${tokens[last + 1]?.lower} ${tokens[last + 2]?.lower}`;
  const before = `${tokens[first - 2]?.lower} ${tokens[first - 1]?.lower}`;
  return WITH_SPEAKER_AFTER.has(after) || WITH_SPEAKER_BEFORE.has(before);
}

function runWords(tokens: readonly Token[], first: number, last: number): string {
  return tokens
    .slice(first, last + 1)
    .map((item) => item.lower)
    .join(' ');
}
