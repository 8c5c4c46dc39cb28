/** Words around an unknown name that tell its type (general English, nothing learned from data). */

/** "the town of X", "the capital X": the name is a place. */
export const PLACE_NOUNS: ReadonlySet<string> = new Set([
  'city',
  'town',
  'village',
  'province',
  'state',
  'region',
  'capital',
  'island',
  'county',
  'district',
  'suburb',
  'port',
  'republic',
  'outskirts',
  'municipality',
  'hometown',
  'neighbourhood',
  'neighborhood',
  'resort',
  'prefecture',
  'settlement',
  'enclave',
  'area',
]);

/** Nouns right after a name that make it an organisation ("Interfax news agency", "Acme shares"). */
export const ORG_NEXT_WORDS: ReadonlySet<string> = new Set([
  'newspaper',
  'agency',
  'shares',
  'stock',
  'stocks',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'chairman',
  'chairwoman',
  'ceo',
  'executives',
  'employees',
  'staff',
  'subsidiary',
  'unit',
  'division',
  'headquarters',
  'hq',
  'stores',
  'store',
  'brand',
  'coach',
  'manager',
  'striker',
  'midfielder',
  'defender',
  'goalkeeper',
  'forward',
  'fans',
  'captain',
  'team',
  'squad',
  'board',
  'app',
  'products',
  'stake',
  'merger',
  'acquisition',
  'profits',
  'profit',
  'earnings',
  'revenue',
  'revenues',
]);

/** Verbs and prepositions that join two sports teams ("Leeds beat Chelsea", "Ajax v PSV"). */
export const MATCH_WORDS: ReadonlySet<string> = new Set([
  'v',
  'vs',
  'vs.',
  'versus',
  'beat',
  'beats',
  'defeated',
  'defeat',
  'thrashed',
  'edged',
  'outplayed',
  'drew',
  'draw',
  'hosts',
  'host',
  'hosted',
]);

/** Compass and region words allowed before a nationality adjective ("South Korean"). */
export const COMPASS_WORDS: ReadonlySet<string> = new Set([
  'north',
  'south',
  'east',
  'west',
  'northern',
  'southern',
  'eastern',
  'western',
  'central',
  'northeast',
  'northwest',
  'southeast',
  'southwest',
  'latin',
  'far',
  'middle',
]);

/** Endings of nationality and religion adjectives ("Kurdish", "Chechen", "Zairean", "Islamic"). */
export const ADJECTIVE_ENDINGS = /(?:ish|ese|ian|ean|ic|an)$/u;

/** Verbs that make a preceding name a speaker ("Bush said"), even when the name is a word. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set([
  'said',
  'says',
  'told',
  'added',
  'asked',
  'wrote',
  'replied',
  'stated',
  'announced',
  'argued',
  'insisted',
  'warned',
  'noted',
]);

/** A contraction ("must've", "you're", "we'll", "don't"): never a name. */
export const CONTRACTION = /['’](?:ve|re|ll|d|m|t)$|n['’]t$/iu;

/** Hyphenated name particles that stay lower-case inside names ("al-Saadani", "bin-Laden"). */
export const NAME_PARTICLE_PREFIX =
  /^(?:al|el|ad|as|ash|bin|ibn|abu|ben|de|di|da|du|van|von)-\p{Lu}/u;
