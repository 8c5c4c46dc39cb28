/** Words that make a name MISC: a pet's, or a nationality (general English). */

import { words } from '../../../domain/word-list.js';

/** Animals people keep as pets: the name after one is a pet's ("my dog Rex"). */
export const PET_NOUNS: ReadonlySet<string> = words(`
  dog cat puppy kitten pup doggo kitty hamster rabbit bunny parrot bird fish goldfish turtle
  tortoise horse pony snake lizard gecko guinea ferret pig budgie iguana mouse rat
`);

/** Endings of nationality and religion adjectives ("Kurdish", "Chechen", "Zairean", "Islamic"). */
export const NATIONALITY_ENDINGS: ReadonlySet<string> = words('ish ese ian ean ic an');

/** Dishes and drinks: a name right before one names the food ("Apple pie", "Buffalo wings"). */
export const FOOD_NOUNS: ReadonlySet<string> = words(`
  food foods cuisine dish dishes pie pies cake cakes bread sauce soup salad juice tea coffee
  sandwich sandwiches burger burgers pizza pizzas noodles noodle fries chicken wings cheese wine
  wines beer beers cider curry curries taco tacos burrito burritos sushi ramen pasta dumplings
  stew dessert desserts pudding tart cookies cookie muffin muffins pancakes waffles chocolate
  candy rolls bbq barbecue takeout takeaway
  cocktail cocktails whiskey whisky vodka rum gin sake latte espresso smoothie cereal
`);

/** Nouns before a title that make it a work ("the movie Dune", "the show Succession"). */
export const WORK_NOUNS_BEFORE: ReadonlySet<string> = words(`
  book books novel novels movie movies film films show shows series song songs album albums
  track podcast game games episode documentary musical opera poem painting sitcom anime manga
  comic comics audiobook
`);

/** Nouns after a title that make it a work ("the Dune movie", "Succession finale"). */
export const WORK_NOUNS_AFTER: ReadonlySet<string> = words(`
  movie movies film films trailer trailers series season seasons episode episodes soundtrack
  sequel prequel franchise finale remake reboot spinoff
`);

/** Verbs whose object is a work ("reading Dune", "watching Succession", "binged Severance"). */
export const READING_VERBS: ReadonlySet<string> = words(`
  read reading reread rereading
`);

/** Verbs that take a show or a film more often than a person ("watching Succession"). */
export const WATCHING_VERBS: ReadonlySet<string> = words(`
  watch watched watching rewatch rewatched rewatching binge binged binging bingeing streaming
  streamed
`);

/** Languages that are not also a people's name ("in Arabic", "into English"): MISC. */
export const LANGUAGES: ReadonlySet<string> = words(`
  english arabic mandarin cantonese latin farsi tagalog swahili sanskrit esperanto gaelic
  yiddish hebrew urdu hindi punjabi bengali tamil telugu marathi gujarati amharic
`);
