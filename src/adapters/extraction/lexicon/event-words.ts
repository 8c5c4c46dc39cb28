/** Words that make a name an event's (general English). */

import { words } from '../../../domain/word-list.js';

/** Last words that make a capitalised run an event ("World Cup", "U.S. Open", "Atlanta Games"). */
export const EVENT_SUFFIXES: ReadonlySet<string> = words(`
  cup open tour games olympics championship championships series masters prix final finals
  festival awards marathon trophy bowl classic tournament expo fair conference summit week day
  war revolution
`);
