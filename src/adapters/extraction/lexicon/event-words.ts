/** Words that make a name an event's (general English). */

import { words } from '../../../domain/word-list.js';

/** Last words that make a capitalised run an event ("World Cup", "U.S. Open", "Atlanta Games"). */
export const EVENT_SUFFIXES: ReadonlySet<string> = words(`
  cup open tour games olympics championship championships series masters prix final finals
  festival awards marathon trophy bowl classic tournament expo fair conference summit week day
  war revolution
`);

/** Words before a storm's name ("Hurricane Katrina", "Typhoon Haiyan"): the name is an event. */
export const STORM_WORDS: ReadonlySet<string> = words(`
  hurricane typhoon cyclone storm superstorm
`);

/** Holidays and feasts, which are events rather than people or places ("before Pesach"). */
export const HOLIDAYS: ReadonlySet<string> = words(`
  christmas xmas easter thanksgiving halloween hanukkah chanukah ramadan eid diwali passover
  pesach purim sukkot sukkoth shavuot rosh_hashanah yom_kippur kwanzaa lent advent epiphany
  pentecost new_year new_year's new_years mardi_gras hogmanay holi navratri vesak lunar_new_year
  christmas_eve new_year's_eve juneteenth
`);
