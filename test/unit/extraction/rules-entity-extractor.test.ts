import { beforeAll, describe, expect, it } from 'vitest';
import { RulesEntityExtractor } from '../../../src/adapters/extraction/rules-entity-extractor.js';

const extractor = new RulesEntityExtractor({ confidenceThreshold: 0.5 });

beforeAll(() => extractor.init());

async function typed(text: string): Promise<string[]> {
  const { entities } = await extractor.extract(text);
  return entities.map((entity) => `${entity.text}/${entity.type}`);
}

async function relations(text: string, speaker?: string): Promise<string[]> {
  const { entities, relations: found } = await extractor.extract(text, speaker ? { speaker } : {});
  return found.map(
    (relation) =>
      `${entities[relation.sourceIndex]?.text} ${relation.type} ${entities[relation.targetIndex]?.text}`,
  );
}

describe('RulesEntityExtractor entities', () => {
  it.each([
    ['John works for Microsoft in Seattle', ['John/PERSON', 'Microsoft/ORG', 'Seattle/LOCATION']],
    ['Tim Cook runs Apple from Cupertino.', ['Tim Cook/PERSON', 'Apple/ORG', 'Cupertino/LOCATION']],
    [
      'my sister Sarah lives in Boston and works at Google',
      ['Sarah/PERSON', 'Boston/LOCATION', 'Google/ORG'],
    ],
    ['omg Meta just bought a startup in Berlin lol', ['Meta/ORG', 'Berlin/LOCATION']],
    [
      'She graduated from Stanford University in Palo Alto',
      ['Stanford University/ORG', 'Palo Alto/LOCATION'],
    ],
    ['We flew to Japan and then to Canada 🎉', ['Japan/LOCATION', 'Canada/LOCATION']],
    [
      'Dr. Alice Smith joined Acme Corp. last year',
      ['Alice Smith/PERSON', 'Acme Corp./ORG', 'last year/DATE'],
    ],
  ])('types the names in "%s"', async (text, expected) => {
    expect(await typed(text)).toEqual(expected);
  });

  it('drops the kinship word from "sister Sarah"', async () => {
    expect(await typed('I had lunch with my sister Sarah')).toEqual(['Sarah/PERSON']);
  });

  it('finds lower-case chat names after kinship nouns and places after prepositions', async () => {
    expect(await typed('my brother jake moved to boston')).toEqual([
      'jake/PERSON',
      'boston/LOCATION',
    ]);
  });

  it('keeps trailing punctuation out of spans', async () => {
    const { entities } = await extractor.extract('I love Google!!! And Paris.');
    expect(entities.map((entity) => entity.text)).toEqual(['Google', 'Paris']);
  });

  it('finds dates, times and money', async () => {
    expect(await typed('On March 3, 2024 at 7:30 pm I paid $45.99 for dinner')).toEqual([
      'March 3, 2024/DATE',
      '7:30 pm/TIME',
      '$45.99/MONEY',
    ]);
    expect(await typed('we met last Friday and it cost 20 dollars')).toEqual([
      'last Friday/DATE',
      '20 dollars/MONEY',
    ]);
  });

  it('splits titles off names inside capitalised runs', async () => {
    expect(await typed('Microsoft Chairman Bill Gates spoke.')).toEqual([
      'Microsoft/ORG',
      'Bill Gates/PERSON',
    ]);
  });

  it('remembers a surname as the person named earlier (one sense per document)', async () => {
    expect(await typed('Tim Cook spoke first. Later, Cook said no.')).toEqual([
      'Tim Cook/PERSON',
      'Cook/PERSON',
    ]);
  });

  it.each([
    ["Must've been fun. You're right, we've been there already."],
    ["We're going. They'll see. Don't worry, it's fine. Let's go!"],
    ["Y'know you really should see someone about that. Y'all are crazy."],
    ['Quarter-final tickets are sold out'],
    ['my partners will invest in it'],
    ['Honestly it was fine. Winter is coming though.'],
  ])('finds no names in "%s" (contractions, pronouns, ordinary words)', async (text) => {
    expect(await typed(text)).toEqual([]);
  });

  it.each([
    ['Arsenal 2 Spurs 1 what a game', ['Arsenal/ORG', 'Spurs/ORG']],
    ['Jake said the Lakers beat the Celtics', ['Jake/PERSON', 'Lakers/ORG', 'Celtics/ORG']],
    ['I grew up in the town of Tacambaro', ['Tacambaro/LOCATION']],
    ['our Kurdish neighbour brought food', ['Kurdish/MISC']],
    ['We watched the World Cup final at a pub', ['World Cup/EVENT']],
    ['She works at a Boston-based startup called Lumio', ['Boston-based/MISC', 'Lumio/ORG']],
    ['American Airlines lost my bag again', ['American Airlines/ORG']],
    ['Tell Robin Williams I said hi', ['Robin Williams/PERSON']],
    [
      'Jordan and I are driving to Austin, Texas',
      ['Jordan/PERSON', 'Austin/LOCATION', 'Texas/LOCATION'],
    ],
    ['Microsoft CEO Satya Nadella spoke', ['Microsoft/ORG', 'Satya Nadella/PERSON']],
    ['American Nate Miller won the fight', ['American/MISC', 'Nate Miller/PERSON']],
    ['Interfax news agency said so. Later Interfax denied it.', ['Interfax/ORG', 'Interfax/ORG']],
  ])('types chat and news names by context in "%s"', async (text, expected) => {
    expect(await typed(text)).toEqual(expected);
  });

  it('does not take sentence-initial words for names', async () => {
    expect(await typed('Discussions went well. Thanks for that!')).toEqual([]);
  });
});

describe('RulesEntityExtractor relations', () => {
  it('resolves first person to the speaker with the span of "My"', async () => {
    const text = 'My sister Sarah lives in Boston';
    const { entities, relations: found } = await extractor.extract(text, { speaker: 'alice' });
    expect(entities[0]).toMatchObject({
      text: 'alice',
      type: 'PERSON',
      isSpeaker: true,
      start: 0,
      end: 2,
    });
    expect(
      found.map(
        (r) => `${entities[r.sourceIndex]?.text} ${r.type} ${entities[r.targetIndex]?.text}`,
      ),
    ).toEqual(['alice sibling_of Sarah', 'Sarah lives_in Boston']);
    expect(found[0]?.sentence).toBe(text);
  });

  it.each([
    ['John works for Microsoft in Seattle', undefined, 'John works_for Microsoft'],
    ['I work at Google now', 'amy', 'amy works_for Google'],
    ['Carlos lived in Madrid for years', undefined, 'Carlos lives_in Madrid'],
    [
      'The company is based in Austin. Acme Corp is based in Dallas.',
      undefined,
      'Acme Corp located_in Dallas',
    ],
    ['Seattle, Washington is rainy', undefined, 'Seattle located_in Washington'],
    ['Linda was born in Dublin', undefined, 'Linda born_in Dublin'],
    ['She studied at Stanford University', undefined, undefined],
    ['Maria studied at Oxford University', undefined, 'Maria studies_at Oxford University'],
    ['Tom is a member of the Sierra Club', undefined, 'Tom is_member'],
    ['Elon Musk founded SpaceX in 2002.', undefined, 'Elon Musk founded SpaceX'],
    ['Maria married Carlos in 2015.', undefined, 'Maria spouse_of Carlos'],
    ['my husband Tom is a teacher', 'amy', 'amy spouse_of Tom'],
    ['my son Jake plays soccer', 'amy', 'amy parent_of Jake'],
    ['my mom Linda called', 'amy', 'amy child_of Linda'],
    ['Sarah is my best friend', 'bob', 'bob friend_of Sarah'],
    ["Sarah's brother Tom is visiting", undefined, 'Sarah sibling_of Tom'],
    ['my dog Rex is so cute', 'bob', 'bob has_pet Rex'],
    ['I have a cat', 'bob', 'bob has_pet cat'],
    ['I love hiking', 'bob', 'bob likes hiking'],
    ['I really hate rainy days', 'bob', 'bob dislikes rainy days'],
    ['Bill Gates, chairman of Microsoft, spoke', undefined, 'Bill Gates works_for Microsoft'],
    ['Microsoft chairman Bill Gates spoke', undefined, 'Bill Gates works_for Microsoft'],
    ['I met Dave at the park', 'bob', undefined],
  ])('"%s" (speaker %s) gives %s', async (text, speaker, expected) => {
    const found = await relations(text, speaker);
    if (expected === undefined) expect(found).toEqual([]);
    else if (expected === 'Tom is_member') expect(found).toContain('Tom member_of Sierra Club');
    else expect(found).toContain(expected);
  });

  it('does not take a meeting place for an employer', async () => {
    expect(await relations('Had coffee with Grace at Starbucks')).not.toContain(
      'Grace works_for Starbucks',
    );
  });

  it('follows "she" to the last person named', async () => {
    expect(await relations('Sarah is great. She works at Google.')).toContain(
      'Sarah works_for Google',
    );
  });

  it('types a pet name MISC, not PERSON', async () => {
    const { entities } = await extractor.extract('my dog Rex is so cute', { speaker: 'bob' });
    expect(entities.find((entity) => entity.text === 'Rex')?.type).toBe('MISC');
  });

  it('emits speaker mentions only when a relation uses them', async () => {
    const { entities } = await extractor.extract('I think so lol', { speaker: 'bob' });
    expect(entities).toEqual([]);
  });
});

describe('RulesEntityExtractor init', () => {
  it('refuses synchronous extraction before init', () => {
    expect(() => new RulesEntityExtractor().extractSync('Sarah lives in Boston.')).toThrow(
      /before init\(\)/,
    );
  });

  it('initialises itself on the first extract', async () => {
    const fresh = new RulesEntityExtractor();
    await fresh.extract('Sarah lives in Boston.');
    expect(fresh.extractSync('Sarah lives in Boston.').entities).toHaveLength(2);
  });
});
