import { beforeAll, describe, expect, it } from 'vitest';
import { RulesEntityExtractor } from '../../../src/adapters/extraction/rules-entity-extractor.js';
import { CHAT_CONTEXT, chatRelations, describeRelations } from '../../support/relation-strings.js';

const extractor = new RulesEntityExtractor({ confidenceThreshold: 0.5 });

beforeAll(() => extractor.init());

/** alice talking to bob, as in a two-person chat or the next line of a transcript. */
const TO_BOB = { ...CHAT_CONTEXT, addressee: 'bob' };

const toBob = async (text: string) => describeRelations(await extractor.extract(text, TO_BOB));

describe('kinship words called out: "Hi Mom!", "Son, …", "good question, dad."', () => {
  it.each([
    ['Hi Mom!', 'alice child_of bob'],
    ['Hey mom. How was the drive?', 'alice child_of bob'],
    ['Oh, and Mom, don’t bite your nails.', 'alice child_of bob'],
    ['Uh Dad, Emma is in the nursery. I will take you now.', 'alice child_of bob'],
    ["Uh Dad, Emma's in the nursery. But I really want to talk to you.", 'alice child_of bob'],
    ['That is a good question, dad.', 'alice child_of bob'],
    ['Dad, dad. Please stop.', 'alice child_of bob'],
    ['Son, I had to shave my ears for tonight. You can do this.', 'alice parent_of bob'],
    ['Thanks, grandma!', 'alice grandchild_of bob'],
  ])('"%s" → %s', async (text, expected) => {
    expect(await toBob(text)).toContain(expected);
  });

  it.each([
    ['Mom, Dad, when I got married you were my example.'],
    ['I am gonna tell Mom.'],
    ['My mom got us the greatest gift.'],
    ['What is that guy’s name? Dad!'],
    ['Hi Mom, it’s Jill. I’m stuck at the bank.'],
    ['Mom, I’ll call you later.'],
    ['Hi Mom! I’ll talk to you later.'],
    ['ok Mom, talk to you soon'],
    ['Hey, mom jeans are back.'],
    ['Listen, father, I have sinned.'],
  ])('"%s" says nothing of alice and bob', async (text) => {
    const found = await toBob(text);
    expect(found.filter((relation) => /alice \w+ bob|bob \w+ alice/u.test(relation))).toEqual([]);
  });

  it('needs an addressee: "Hi Mom!" alone is no relation', async () => {
    expect(await chatRelations(extractor, 'Hi Mom!')).toEqual([]);
  });
});

describe('second person: "you\'re my sister", "I\'m your brother", "your husband Chandler"', () => {
  it.each([
    ["You're my sister!", 'alice sibling_of bob'],
    ['you are still my best friend', 'alice friend_of bob'],
    ['Yeah, but I’m your brother. We’re family.', 'bob sibling_of alice'],
    ['I am still your wife!!', 'bob spouse_of alice'],
    ["I'm your dad, kiddo.", 'bob child_of alice'],
    ["You're Emma's father, right?", 'Emma child_of bob'],
    ['Is your husband Chandler coming?', 'bob spouse_of Chandler'],
    ['I met your sister, Monica, yesterday.', 'bob sibling_of Monica'],
  ])('"%s" → %s', async (text, expected) => {
    expect(await toBob(text)).toContain(expected);
  });

  it.each([
    ['You could be my sister for the day.'],
    ["You're not my mother!"],
    ["You're like a brother to me."],
    ["I'm not your dad."],
    ['Are you my mother?'],
    ['Your husband is home.'],
  ])('"%s" gives bob no relative', async (text) => {
    const found = await toBob(text);
    expect(found.filter((relation) => /\bbob\b/u.test(relation))).toEqual([]);
  });

  it('takes a name called out for "you": "Ross!! … I am still your wife!!"', async () => {
    expect(await toBob('Ross!! Are you crazy?! I am still your wife!!')).toContain(
      'Ross spouse_of alice',
    );
  });

  it('"Ross, your sister Monica is here" is about Ross, not the addressee', async () => {
    expect(await toBob('Ross, your sister Monica is here.')).toEqual(['Ross sibling_of Monica']);
  });
});

describe('a name and its relative in apposition: "Whitney, Kyle\'s ex-wife"', () => {
  it.each([
    ["I met Whitney, Kyle's ex-wife.", 'Kyle ex_spouse_of Whitney'],
    ["That's Whitney, Kyle's ex-wife out there.", 'Kyle ex_spouse_of Whitney'],
    ['Ross, my brother, is here.', 'alice sibling_of Ross'],
    ['This is Sarah, my sister.', 'alice sibling_of Sarah'],
    ['Ana, my wife, loves it.', 'alice spouse_of Ana'],
    ["That's Ben, my son from my first marriage.", 'alice parent_of Ben'],
    ['Mike, my friend from college, is in town.', 'alice friend_of Mike'],
  ])('"%s" → %s', async (text, expected) => {
    expect(await chatRelations(extractor, text)).toContain(expected);
  });

  it.each([
    ['Ross, my brother is here.'],
    ['Thanks, my friend.'],
    ['Tom, my sister says hi.'],
    ['Tom, my sister flew in from Ohio.'],
  ])('"%s" (a name called out) links no relative', async (text) => {
    const found = await chatRelations(extractor, text);
    expect(found.filter((relation) => /sibling_of|friend_of/u.test(relation))).toEqual([]);
  });
});

describe('pets called and kept: "Here Mitzi! Here Mitzi!", "my monkey"', () => {
  it.each([
    ['Here Mitzi! Here Mitzi!', 'alice has_pet Mitzi'],
    ['Here, Biscuit! Here, Biscuit! Good girl.', 'alice has_pet Biscuit'],
    ["I'd introduce her to my monkey.", 'alice has_pet monkey'],
    ['Plus, I had a monkey.', 'alice has_pet monkey'],
    ['our duck waddles after us', 'alice has_pet duck'],
  ])('"%s" → %s', async (text, expected) => {
    expect(await chatRelations(extractor, text)).toContain(expected);
  });

  it.each([
    ['Here Tom. Take this.'],
    ['Here you go! Here you go!'],
    ['I had the duck at dinner.'],
    ['Here, Mitzi!'],
  ])('"%s" has no pet', async (text) => {
    const found = await chatRelations(extractor, text);
    expect(found.filter((relation) => relation.includes('has_pet'))).toEqual([]);
  });
});

describe('objects that open with a filler word', () => {
  it.each([
    ["We're from New York.", 'alice lives_in New York'],
    ['I live in New York now', 'alice lives_in New York'],
  ])('"%s" → %s', async (text, expected) => {
    expect(await chatRelations(extractor, text)).toContain(expected);
  });
});

describe('groups one is in: "we were both in the Peace Corps"', () => {
  it.each([
    ['And we were both in the Peace Corps.', 'alice member_of Peace Corps'],
    ["I'm in the Sierra Club now.", 'alice member_of Sierra Club'],
    ['My brother is in the Marines.', "alice's brother member_of Marines"],
  ])('"%s" → %s', async (text, expected) => {
    expect(await chatRelations(extractor, text)).toContain(expected);
  });

  it.each([
    ['I was in Starbucks this morning.'],
    ['I was in the Peace Corps kitchen.'],
    ["I'm not in the Sierra Club."],
    ['Were you in the Peace Corps?'],
  ])('"%s" is no membership', async (text) => {
    const found = await chatRelations(extractor, text);
    expect(found.filter((relation) => relation.includes('member_of'))).toEqual([]);
  });
});
