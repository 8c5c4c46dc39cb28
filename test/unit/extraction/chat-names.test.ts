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

describe('chat noise is never a name', () => {
  it.each([
    ['lmao that was wild'],
    ['Bruh I cant even'],
    ['Hahaha yesss we won'],
    ['Sooo tired today'],
    ['Ive been there, dont worry'],
    ['Cheers, see you soon'],
    ['#FakeNews is everywhere'],
  ])('finds no name in "%s"', async (text) => {
    expect(await names(text)).toEqual([]);
  });

  it.each([
    ['Lol Sarah is here', ['Sarah/PERSON']],
    ['omg Meta bought it lol', ['Meta/ORG']],
    ['Henry VIII had six wives', ['Henry VIII/PERSON']],
  ])('still finds the name in "%s"', async (text, expected) => {
    expect(await names(text)).toEqual(expected);
  });
});

describe('a modal or a verb starting a clause is no name', () => {
  it.each([
    ['Will do, thanks'],
    ['Thanks, Will do that tomorrow'],
    ['Will you come to the party?'],
    ['Sorry, May I ask you something?'],
    ['Mark my words, it will rain.'],
    ['Hope you feel better soon!'],
    ['Love this so much'],
  ])('finds no person in "%s"', async (text) => {
    expect(await names(text)).toEqual([]);
  });

  it.each([
    ['Will Smith was great.', ['Will Smith/PERSON']],
    ['My friend Will is coming over.', ['Will/PERSON']],
    ['Will called me yesterday.', ['Will/PERSON']],
    ['Thanks, Will!', ['Will/PERSON']],
    ['Mark and I went hiking.', ['Mark/PERSON']],
  ])('keeps the person in "%s"', async (text, expected) => {
    expect(await names(text)).toEqual(expected);
  });
});

describe('a name that is also an abstract noun needs a person cue at the start', () => {
  it.each([['Hope is not a strategy.'], ['Faith is hard these days.'], ['Summer is almost over.']])(
    'finds no person in "%s"',
    async (text) => {
      expect(await names(text)).toEqual([]);
    },
  );

  it.each([
    ['Hope is my sister.', ['Hope/PERSON']],
    ['Hope said she would come.', ['Hope/PERSON']],
    ['We met Hope at the park.', ['Hope/PERSON']],
  ])('finds the person in "%s"', async (text, expected) => {
    expect(await names(text)).toEqual(expected);
  });
});

describe('capitals that say nothing: shouting, title case, everyday acronyms', () => {
  it.each([
    ['This was the BEST day ever'],
    ['my TV broke again'],
    ['we ended up in the ICU'],
    ['Lol I Love This Song So Much'],
  ])('finds no name in "%s"', async (text) => {
    expect(await names(text)).toEqual([]);
  });

  it.each([
    ['NASA launched a rocket', ['NASA/ORG']],
    ['She works for Court TV now', ['Court TV/ORG']],
    ['THANK YOU TANNER FOXX', ['TANNER FOXX/PERSON']],
    ['Watching Rick And Morty With My Brother', ['Rick/PERSON', 'Morty/PERSON']],
  ])('keeps the name in "%s"', async (text, expected) => {
    expect(await names(text)).toEqual(expected);
  });
});

describe('lower-case chat names need a strong cue', () => {
  it.each([
    ['I took jordan out for dinner.', ['jordan/PERSON']],
    ['my friend sam is visiting.', ['sam/PERSON']],
    ['hi emma, how are you', ['emma/PERSON']],
    ['jordan and i are moving', ['jordan/PERSON']],
    ['i love amy schumer', ['amy schumer/PERSON']],
    ['we moved to jordan last year', ['jordan/LOCATION']],
    // A name the lists lack, after a kinship noun with a possessive or before "and i".
    ['my gf priya thinks i work too much', ['priya/PERSON']],
    ['priya and i got engaged', ['priya/PERSON']],
    ['our son arjun starts school soon', ['arjun/PERSON']],
  ])('finds "%s"', async (text, expected) => {
    expect(await names(text)).toEqual(expected);
  });

  it.each([
    ['i ate an apple'],
    ['tell a love story'],
    ['took time off work'],
    ['i will mark it down'],
    ['i hope so'],
    ['my sister lol'],
    ['my mom tho is mad'],
    ['my bf smh'],
    ['haha and i laughed'],
    ['a friend priya knows'],
  ])('finds no name in "%s"', async (text) => {
    expect(await names(text)).toEqual([]);
  });
});

describe('self-introductions name the speaker', () => {
  async function speakerAliases(text: string): Promise<string[]> {
    const { entities } = await extractor.extract(text, { speaker: 'sam' });
    return entities.flatMap((entity) => (entity.isSpeaker && entity.alias ? [entity.alias] : []));
  }

  it.each([
    ["Hi, I'm Sam Carter.", ['Sam Carter']],
    ['my name is Sam Carter', ['Sam Carter']],
    ['Noah calls me Gigi now.', ['Gigi']],
    ["I'm Dr. Alice Smith", ['Alice Smith']],
  ])('"%s" gives the speaker another name', async (text, expected) => {
    expect(await speakerAliases(text)).toEqual(expected);
  });

  it.each([["I'm Sarah's brother."], ["I'm Canadian."], ['I met Sam Carter today.']])(
    '"%s" gives the speaker no other name',
    async (text) => {
      expect(await speakerAliases(text)).toEqual([]);
    },
  );

  it('keeps the introduced name off the graph as a second person', async () => {
    const { entities } = await extractor.extract("Hi, I'm Sam Carter.", { speaker: 'sam' });
    expect(entities.filter((entity) => !entity.isSpeaker)).toEqual([]);
  });
});
