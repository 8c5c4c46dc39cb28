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

/** Words that introduce a name ("a town called X", "a dog named Rex"). */
export const NAMING_WORDS: ReadonlySet<string> = words('called named');
