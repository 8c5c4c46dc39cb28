/** Words that make a name a person's (general English, nothing learned from data). */

import { words } from '../../../domain/word-list.js';

/** Titles before a person's name; dropped from the span ("President Lincoln" → "Lincoln"). */
export const PERSON_TITLES: ReadonlySet<string> = words(`
  mr mrs ms miss mx dr prof professor sir dame lady lord president vice senator sen governor gov
  mayor judge justice minister premier chancellor king queen prince princess pope rev reverend
  father gen general col colonel capt captain lt lieutenant sgt sergeant officer coach chairman
  ceo rep representative ambassador secretary commissioner chief detective agent uncle aunt
  auntie grandma grandpa cousin brother sister nurse sheikh deputy commander attorney actress
  actor sultan archduke czar tsar shah ayatollah chef dean rabbi archbishop bishop cardinal count
  duke emperor mister marshal director comrade herr doktor frau madam madame monsieur senor señor
  senora señora congressman congresswoman assemblyman assemblywoman councilman councilwoman
  alderman
`);

/** Words after a run that mark a person ("Sarah said", "Tom, 42,"). */
export const PERSON_NEXT_WORDS: ReadonlySet<string> = words(`
  said says told asked thinks thought wrote added replied explained laughed smiled wants wanted
  loves likes feels felt married died who himself herself lol haha
`);

/** Verbs that make a preceding name a speaker ("Bush said"), even when the name is a word. */
export const SPEECH_VERBS: ReadonlySet<string> = words(`
  said says told added asked wrote replied stated announced argued insisted warned noted
`);

/** First names that are also English words, missing from compromise's name lists. */
export const WORD_LIKE_FIRST_NAMES: ReadonlySet<string> = words(`
  bill will mark jack frank rob bob pat sue don ray art drew guy grant dean wade chase rose grace
  hope faith joy april june summer dawn penny ruby pearl victor sterling carol holly ivy lily
  daisy rich nick gene max sky
`);

/** Words shaped like occupations ("-er", "-or") that are none ("other", "former"). */
export const NOT_OCCUPATIONS: ReadonlySet<string> = words(`
  other after under over ever never former later
`);

/** After a name, phrases that coordinate it with the speaker ("Jordan and I"): a person. */
export const WITH_SPEAKER_AFTER: ReadonlySet<string> = words('and_i and_me &_i');

/** Before a name, the same ("me and Chelsea"). */
export const WITH_SPEAKER_BEFORE: ReadonlySet<string> = words('me_and i_and');

/** Forms of "be", "have" and "do" after a name: no sign by themselves that the name is a person's. */
export const AUXILIARY_FORMS: ReadonlySet<string> = words(`
  is was are were be been being am 's has had have having does did do doing
`);

/** Possessive determiners ("Hope is my sister"). */
export const POSSESSIVES: ReadonlySet<string> = words('my our your his her their');

/** Words that greet or thank someone by name ("hi emma", "thanks sam", "Thanks, Will!"). */
export const GREETING_WORDS: ReadonlySet<string> = words(`
  hi hey hello hiya yo thanks thank thx ty bye goodbye congrats congratulations morning night
  dear love miss welcome
`);

/** Verbs whose object is a person, hardly ever a place ("took jordan out", "texted sam"). */
export const SOCIAL_VERBS: ReadonlySet<string> = words(`
  took texted text texting called met invited invite hugged hug kissed kiss married marry dated
  dating dumped told tell telling asked ask messaged dmed facetimed ghosted thanked hired fired
  introduced babysat babysitting
`);

/**
 * Names that are also abstract nouns, seasons or months, which start sentences with no article
 * ("Hope is not a strategy", "Summer is over"): alone at the start they need a person cue.
 */
export const ABSTRACT_NOUN_NAMES: ReadonlySet<string> = words(`
  hope faith joy love grace charity patience prudence mercy honor honour trust glory harmony
  destiny serenity unity liberty justice truth felicity constance amity bliss wisdom peace
  victory sunshine summer autumn winter spring dawn may june april august will art
`);

/** Occupations and roles written before a person's name ("rapper Fifty Cent", "suspect Joran"). */
export const ROLES_BEFORE_NAMES: ReadonlySet<string> = words(`
  rapper singer songwriter actor actress comedian comic author writer novelist poet artist
  painter musician drummer guitarist bassist pianist producer anchor reporter journalist
  correspondent analyst columnist editor photographer designer player striker midfielder
  defender goalkeeper quarterback pitcher boxer wrestler fighter golfer cyclist swimmer sprinter
  athlete star teammate candidate nominee suspect victim defendant plaintiff lawyer surgeon therapist
  dentist teacher principal student intern neighbor neighbour landlord tenant spokesman
  spokeswoman spokesperson chairwoman founder cofounder co-founder billionaire entrepreneur
  youtuber streamer influencer vlogger blogger
`);

/** Party adjectives before a title or a name ("Texas Republican Congressman Tom DeLay"): MISC. */
export const PARTY_WORDS: ReadonlySet<string> = words(`
  republican republicans democrat democrats democratic gop tory tories labour liberal
  conservative
`);
