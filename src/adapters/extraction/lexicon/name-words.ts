/** What can be part of a name, and what never starts one (general English, nothing learned). */

import { words } from '../../../domain/word-list.js';

/** Lower-case words that join parts of one name ("van der", "Bank of", "bin"). */
export const CONNECTORS: ReadonlySet<string> = words(`
  of de del della da di du van von der la le & y bin al
`);

/** Capitalised words that are never names on their own (chat and sentence starters). */
export const NEVER_NAMES: ReadonlySet<string> = words(`
  i i'm i've i'll i'd im ok okay lol lmao omg yes no yeah yep nope hi hey hello thanks thank
  please oh ah wow haha hmm um uh well so but and or the a an my our your his her their its we
  you he she they it this that these those there here what who why how when where which if then
  also just really maybe sure cool nice great good btw idk tbh imo fyi brb ttyl dear mom dad mum
  god sorry speaker today tomorrow yesterday tonight
`);

/** Chat interjections, slang and reactions: never names, however they are written ("Lol", "Bruh"). */
export const CHAT_WORDS: ReadonlySet<string> = words(`
  lmao lmfao rofl wtf wth ftw af xd xoxo smh ngl lmk irl tho bruh brah bro bruv dude yay yo ugh
  meh nah naw yup ya yea ha hah heh hehe haha hahaha aw aww welp whoa woah yikes oops ouch phew
  jeez geez gosh damn dang cheers congrats congratulations thx np pls plz gonna wanna gotta
  kinda sorta dunno lemme gimme alright alrighty anyway anyways bye goodbye goodnight hiya
  howdy sup wassup yall y'all omfg ikr tfw mfw imho fwiw tldr yolo fomo gg ez pov bestie
  fam ooh ahh hm hmmm mhm uhh umm erm wow ok kk okie okey oki yass yasss ily ilysm
`);

/** Contractions written without their apostrophe in chat ("dont", "Ive", "youre"): never names. */
export const BARE_CONTRACTIONS: ReadonlySet<string> = words(`
  dont didnt doesnt cant couldnt wont wouldnt shouldnt isnt arent wasnt werent havent hasnt
  hadnt aint ive youre youve youll youd theyre theyve theyll thats whats hows wheres whos theres
  heres shes hes im lets shouldve couldve wouldve mustve idk
`);

/** Acronyms of ordinary things, not of organisations ("TV", "DNA", "ICU", "ASAP"). */
export const COMMON_ACRONYMS: ReadonlySet<string> = words(`
  tv dna rna icu er vip id ied atm suv gps hr pc iq mri ekg ecg adhd ptsd ocd hiv aids std
  dvd cd usb pdf sms mms faq rsvp aka bbq pto wfh ooo ai ml api ui ux qa gpa mba phd rn np
  ps pm am asap eta vcr mp3 rv ac hvac lcd led hd vr tbd eod bff bf gf dm pov ceo
  cfo cto coo vp svp evp ot tba tbc rip diy ipo gdp cpu gpu ram ssd os sim wifi sat act gre
  gmat lsat mcat ged url www http html css js sql csv xml json covid flu ivf cpr
  ems iud uti mph kph rpm fps ppl bday feat vs ep lp mc emcee vhs pms usd eur gbp jpy cny rmb
  hkd cad aud inr
`);

/** Closed-class words that never start a name, even capitalised ("In Washington"). */
export const FUNCTION_WORDS: ReadonlySet<string> = words(`
  in on at of for from with by to as after before during since until under over into about among
  between through without within while although because unlike like despite near against across
  behind beyond toward towards upon via per than not all some any every each both many most other
  another such
`);

/** Particles that stay lower-case before a hyphen inside names ("al-Saadani", "bin-Laden"). */
export const NAME_PARTICLES: ReadonlySet<string> = words(`
  al el ad as ash bin ibn abu ben de di da du van von
`);

/** Name particles inside a person's name ("Joran Van Der Sloot", "Leonardo da Vinci"). */
export const INNER_NAME_PARTICLES: ReadonlySet<string> = words(`
  van von der den de da di du del della dos das ter ten bin ibn
`);

/** Modal and auxiliary verbs that are also names ("Will", "May"): auxiliaries before a verb. */
export const MODAL_WORDS: ReadonlySet<string> = words(`
  will may can shall must might could would should do does did won't can't
`);

/** Words that start a verb's object or clause ("Mark my words", "Hope you are well"). */
export const OBJECT_STARTS: ReadonlySet<string> = words(`
  i me you u ya he him she her it we us they them my your his its our their this that these
  those a an the everyone everybody someone somebody anyone anybody yourself yourselves myself
  himself herself ourselves themselves everything something nothing
`);

/** Words that introduce a name ("a town called X", "a dog named Rex"). */
export const NAMING_WORDS: ReadonlySet<string> = words('called named');
