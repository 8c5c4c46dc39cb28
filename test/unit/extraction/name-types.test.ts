import { beforeAll, describe, expect, it } from 'vitest';
import { RulesEntityExtractor } from '../../../src/adapters/extraction/rules-entity-extractor.js';

const extractor = new RulesEntityExtractor({ confidenceThreshold: 0.5 });

beforeAll(() => extractor.init());

/** Names and types, speaker mentions and DATE/TIME/MONEY left out. */
async function names(text: string): Promise<string[]> {
  const { entities } = await extractor.extract(text);
  return entities
    .filter((entity) => !['DATE', 'TIME', 'MONEY'].includes(entity.type))
    .map((entity) => `${entity.text}/${entity.type}`);
}

describe('institutions are one organisation', () => {
  it.each([
    ["Seattle Children's Hospital was amazing to us.", ["Seattle Children's Hospital/ORG"]],
    ['She goes to Lincoln Elementary now.', ['Lincoln Elementary/ORG']],
    ['I worked at Mass General for six years.', ['Mass General/ORG']],
    ['I quit Mercy General last week.', ['Mercy General/ORG']],
    ['My mom is a nurse at Providence General.', ['Providence General/ORG']],
    ['He teaches at Roosevelt High.', ['Roosevelt High/ORG']],
    ["She was born at St. Mary's Hospital.", ["St. Mary's Hospital/ORG"]],
    ["We grabbed lunch at McDonald's.", ["McDonald's/ORG"]],
    ['We landed at Logan Airport.', ['Logan Airport/ORG']],
  ])('finds "%s"', async (text, expected) => {
    expect(await names(text)).toEqual(expected);
  });

  it.each([
    ["Sarah's Boston apartment is nice.", ['Sarah/PERSON', 'Boston/LOCATION']],
    ['Attorney General Eric Holder spoke.', ['Eric Holder/PERSON']],
    ['Then the Attorney General resigned.', []],
    ['Major General Smith arrived.', ['Smith/PERSON']],
    ["Trump's campaign went on.", ['Trump/PERSON']],
  ])('does not glue names into one in "%s"', async (text, expected) => {
    expect(await names(text)).toEqual(expected);
  });
});

describe('foods, cuisines and works are MISC, not places or companies', () => {
  it.each([
    ['We got Thai food last night.', ['Thai/MISC']],
    ['We had the Apple pie at the diner.', ['Apple/MISC']],
    ['There is a great Italian place near my office.', ['Italian/MISC']],
    ['I finally finished reading Dune.', ['Dune/MISC']],
    ['Have you seen the movie Dune?', ['Dune/MISC']],
    ['We are watching Succession on Sunday.', ['Succession/MISC']],
  ])('types "%s"', async (text, expected) => {
    expect(await names(text)).toEqual(expected);
  });

  it.each([
    ['I work at Apple now.', ['Apple/ORG']],
    ['I had Starbucks coffee.', ['Starbucks/ORG']],
    ['We flew to Thailand.', ['Thailand/LOCATION']],
    ["I read Sarah's message.", ['Sarah/PERSON']],
  ])('keeps the name in "%s"', async (text, expected) => {
    expect(await names(text)).toEqual(expected);
  });
});

describe('names said without commas between them', () => {
  it.each([
    ['She lives in Honolulu Hawaii now.', ['Honolulu/LOCATION', 'Hawaii/LOCATION']],
    ['We went to Barcelona Spain in May.', ['Barcelona/LOCATION', 'Spain/LOCATION']],
    [
      'Keith Oppenheim CNN New Orleans.',
      ['Keith Oppenheim/PERSON', 'CNN/ORG', 'New Orleans/LOCATION'],
    ],
    [
      'with Yoko Ono Diane Sawyer Henry Kissinger',
      ['Yoko Ono/PERSON', 'Diane Sawyer/PERSON', 'Henry Kissinger/PERSON'],
    ],
    ['Paula Paula are you there', ['Paula/PERSON', 'Paula/PERSON']],
  ])('splits "%s"', async (text, expected) => {
    expect(await names(text)).toEqual(expected);
  });

  it.each([
    ['Michael Jordan was the best.', ['Michael Jordan/PERSON']],
    ['I bank with Bank of America.', ['Bank of America/ORG']],
    ['We hiked on Lantau Island.', ['Lantau Island/LOCATION']],
    [
      'Sarah Jessica Parker and Mary Ann Smith',
      ['Sarah Jessica Parker/PERSON', 'Mary Ann Smith/PERSON'],
    ],
  ])('keeps "%s" whole', async (text, expected) => {
    expect(await names(text)).toEqual(expected);
  });
});

describe('storms and holidays are events', () => {
  it.each([
    ['Hurricane Katrina hit New Orleans.', ['Hurricane Katrina/EVENT', 'New Orleans/LOCATION']],
    ['They came for Pesach.', ['Pesach/EVENT']],
    ['We go home for Christmas.', ['Christmas/EVENT']],
  ])('types "%s"', async (text, expected) => {
    expect(await names(text)).toEqual(expected);
  });

  it('keeps a person named like a storm', async () => {
    expect(await names('Katrina said she would call.')).toEqual(['Katrina/PERSON']);
  });
});

describe('after an article and around titles', () => {
  it.each([
    ['Jake said the Lakers won.', ['Jake/PERSON', 'Lakers/ORG']],
    ['We had dinner with the Allens.', ['Allens/PERSON']],
    ['Vice President Cheney spoke.', ['Cheney/PERSON']],
    ['The rapper Fifty Cent sold millions.', ['Fifty Cent/PERSON']],
  ])('types "%s"', async (text, expected) => {
    expect(await names(text)).toEqual(expected);
  });

  it.each([
    ['The President spoke today.'],
    ['Mr. President, thank you.'],
    ['We fixed the Interior.'],
  ])('finds no name in "%s"', async (text) => {
    expect(await names(text)).toEqual([]);
  });
});

describe('places by what comes after the name', () => {
  it.each([
    ['She moved to Gardner Massachusetts.', ['Gardner/LOCATION', 'Massachusetts/LOCATION']],
    ['Our office is in the Bavil province.', ['Bavil/LOCATION']],
    ['Bird flu spread from South Asia.', ['South Asia/LOCATION']],
    ['Meet me at the Prudential Tower.', ['Prudential Tower/LOCATION']],
    ['The Bank of China Tower lights up at night.', ['Bank of China Tower/LOCATION']],
  ])('types "%s"', async (text, expected) => {
    expect(await names(text)).toEqual(expected);
  });

  it.each([
    ['Jack London wrote it.', ['Jack London/PERSON']],
    ['Anthony Hill scored twice.', ['Anthony Hill/PERSON']],
  ])('keeps the person in "%s"', async (text, expected) => {
    expect(await names(text)).toEqual(expected);
  });
});

describe('organisation nouns, peoples and party words', () => {
  it.each([
    ['There was a new Gallup poll.', ['Gallup/ORG']],
    ['The Kurdistan Democratic Party met.', ['Kurdistan Democratic Party/ORG']],
    [
      'Austin Texas Republican Congressman Tom DeLay spoke.',
      ['Austin/LOCATION', 'Texas/LOCATION', 'Republican/MISC', 'Tom DeLay/PERSON'],
    ],
  ])('types "%s"', async (text, expected) => {
    expect(await names(text)).toEqual(expected);
  });

  it.each([
    ['The Sudanese jets flew over.', ['Sudanese/MISC']],
    ['Send your emails to msnbc dot com', []],
  ])('finds no organisation in "%s"', async (text, expected) => {
    expect(await names(text)).toEqual(expected);
  });
});
