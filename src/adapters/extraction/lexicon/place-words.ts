/** Words that make a name a place's (general English and general knowledge). */

import { words } from '../../../domain/word-list.js';

/** "the town of X", "the capital X": the name is a place. */
export const PLACE_NOUNS: ReadonlySet<string> = words(`
  city town village province state region capital island county district suburb port republic
  outskirts municipality hometown neighbourhood neighborhood resort prefecture settlement enclave
  area
`);

/** Last words that make a capitalised run a location. */
export const PLACE_SUFFIXES: ReadonlySet<string> = words(`
  river lake mountain mountains mount island islands county province state valley bay sea ocean
  street st avenue ave road rd boulevard park square beach desert forest peninsula coast strait
  canyon hills heights region district harbor harbour falls gulf station bridge village
  town prefecture territory republic peak peaks marsh marshes
`);

/** Prepositions after which an unknown capitalised run is probably a place. */
export const PLACE_PREPOSITIONS: ReadonlySet<string> = words(`
  in from to near at visit visited visiting outside across around toward towards into via
`);

/** Compass and region words before a place or a nationality ("South Korean", "eastern Iraq"). */
export const COMPASS_WORDS: ReadonlySet<string> = words(`
  north south east west northern southern eastern western central northeast northwest southeast
  southwest latin far middle
`);

/** US states as newspapers abbreviate them ("Portland, Ore.", "Concord, Mass."). */
export const NEWSPAPER_STATES: ReadonlySet<string> = words(`
  Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Kans. Ky. La. Md. Mass. Mich.
  Minn. Miss. Mo. Mont. Neb. Nebr. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Okla. Ore. Pa. R.I. S.C.
  S.D. Tenn. Tex. Vt. Va. Wash. W.Va. Wis. Wyo. D.C.
`);

/** Short names of countries that world-countries lacks ("U.S.", "Britain"). */
export const COUNTRY_ALIASES: ReadonlySet<string> = words(`
  u.s u.k u.s.a. u.a.e. u.s. u.k. usa uk america britain great_britain states
`);

/** Places written as capital letters, case-sensitive ("US", "LA", "NYC"; "us" is a pronoun). */
export const PLACE_ABBREVIATIONS: ReadonlySet<string> = words(`
  US UK USA UAE NYC LA SF DC NZ HK PRC ROK DPRK
`);

/** Last words of buildings and venues: a place, even when an organisation names it ("HSBC Main Building"). */
export const FACILITY_HEADS: ReadonlySet<string> = words(`
  tower towers building plaza stadium arena mall theater theatre terminal pier promenade
`);
