const STOP_WORDS = new Set(
  `a an the and or but if so of to in on at for with from by as is am are was were be been being
  it its this that these those there here i im me my mine myself you your yours we our us he him his
  she her they them their what which who whom how when where why not do does did done have has had
  just very can could will would shall should may might must about into than then too also really
  some any all more most much many such own same other just only still even well again ever
  see know think guess mean get got go going gonna want wanna let lets say said tell`.split(/\s+/),
);

/** Words that make a turn a greeting, an acknowledgement or filler when nothing else is said. */
export const FILLER_WORDS = new Set(
  `hi hello hey heya hiya yo hola howdy greetings thanks thank thx ty tysm cheers ok okay k kk
  okey sure yes yeah yep yup yea no nope nah lol lmao rofl haha hahaha hehe heh cool nice great
  awesome perfect good fine bye goodbye cya later morning evening night afternoon welcome np
  problem alright right oh ah aha hmm hm um uh wow please pls sorry indeed true exactly agreed
  totally absolutely definitely maybe interesting gotcha noted understood sounds makes sense
  wonderful amazing excellent thumbs up lot`.split(/\s+/),
);

/** Words that open a greeting or a thank-you. */
export const GREETING_WORDS = new Set(
  'hi hello hey heya hiya yo hola howdy greetings thanks thank thx ty cheers bye goodbye good'.split(
    ' ',
  ),
);

/** Lower-cased words of a text (letters and digits; apostrophes dropped: "I'm" → "im"). */
export function wordsOf(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/['’]/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Words that carry meaning: not stop words or filler, with a light plural/3rd-person stem. */
export function contentWordsOf(text: string): string[] {
  return wordsOf(text)
    .filter((word) => (word.length > 1 || /\d/.test(word)) && !isFunctionWord(word))
    .map(stem);
}

/** True for stop words and filler words. */
export function isFunctionWord(word: string): boolean {
  return STOP_WORDS.has(word) || FILLER_WORDS.has(word);
}

function stem(word: string): string {
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}
