import { beforeAll, describe, expect, it } from 'vitest';
import { RulesEntityExtractor } from '../../../src/adapters/extraction/rules-entity-extractor.js';
import { CHAT_CONTEXT, chatRelations } from '../../support/relation-strings.js';

const extractor = new RulesEntityExtractor({ confidenceThreshold: 0.5 });

beforeAll(() => extractor.init());

const relations = (text: string) => chatRelations(extractor, text);

describe('speaker names: "I\'m X", "my name is X", "call me X"', () => {
  it.each([
    ["hi, I'm Sam Carter. my friend said this thing remembers stuff", 'Sam Carter'],
    ["Good morning. I'm Grace, I'm a nurse", 'Grace'],
    ['My name is Grace and I live in Cambridge', 'Grace'],
    ['Hey! I am Priya btw', 'Priya'],
    ['everyone calls me Gigi', 'Gigi'],
    ['Noah calls me Gigi now, I melted.', 'Gigi'],
  ])('"%s" makes %s an alias of the speaker, with no separate person', async (text, name) => {
    const { entities } = await extractor.extract(text, CHAT_CONTEXT);
    expect(entities.filter((entity) => entity.alias === name && entity.isSpeaker)).not.toEqual([]);
    expect(entities.filter((entity) => entity.text === name)).toEqual([]);
  });

  it('takes a later mention of the same name for the speaker too', async () => {
    const found = await relations("I'm Sam. Sam loves hiking");
    expect(found).toContain('alice likes hiking');
  });

  it.each([
    ["I'm Tom's sister"],
    ["I'm with Tom tonight"],
    ["I'm meeting Tom tomorrow"],
    ['we are Joanna and Tom'],
  ])('"%s" gives the speaker no other name', async (text) => {
    const { entities } = await extractor.extract(text, CHAT_CONTEXT);
    expect(entities.filter((entity) => entity.alias !== undefined && entity.isSpeaker)).toEqual([]);
  });

  it('keeps the name a person when no speaker is known', async () => {
    const { entities } = await extractor.extract("hi, I'm Sam Carter.");
    expect(entities.map((entity) => `${entity.text}/${entity.type}`)).toEqual([
      'Sam Carter/PERSON',
    ]);
  });
});

describe('relatives: "my sister Ana", "my sister lives in …", "Sarah is my sister"', () => {
  it.each([
    [
      'My sister lives in Boston',
      ["alice's sister lives_in Boston", "alice sibling_of alice's sister"],
    ],
    [
      'my parents live in Guadalajara',
      ["alice's parents lives_in Guadalajara", "alice child_of alice's parents"],
    ],
    [
      'My little brother just moved to Austin',
      ["alice's brother lives_in Austin", "alice sibling_of alice's brother"],
    ],
    ["Tom's wife works at Google", ["Tom's wife works_for Google", "Tom spouse_of Tom's wife"]],
  ])('"%s": the relative, not the speaker, is the subject', async (text, expected) => {
    const found = await relations(text);
    expect(found).toEqual(expect.arrayContaining(expected));
    expect(found.filter((relation) => relation.startsWith('alice lives_in'))).toEqual([]);
  });

  it.each([
    ['my sister Ana lives in Lisbon', ['alice sibling_of Ana', 'Ana lives_in Lisbon']],
    ['My daughter Emily lives in San Diego', ['alice parent_of Emily', 'Emily lives_in San Diego']],
    ['my mom Linda called', ['alice child_of Linda']],
    ['my grandson Noah turned 3', ['alice grandparent_of Noah']],
    ['my grandma Rose bakes', ['alice grandchild_of Rose']],
    ['my uncle Tom is visiting', ['Tom uncle_of alice']],
    ['Sarah is my sister', ['alice sibling_of Sarah']],
    ["Chandler's my husband", ['alice spouse_of Chandler']],
    ['my roommate Jake is loud', ['alice roommate_of Jake']],
    ['my ex-husband Paul lives in Newton', ['alice ex_spouse_of Paul', 'Paul lives_in Newton']],
    ['my ex Jordan texted me', ['alice ex_partner_of Jordan']],
  ])('"%s" gives %s', async (text, expected) => {
    expect(await relations(text)).toEqual(expect.arrayContaining(expected));
  });

  it('names the relative after the owner, so a later "my sister" can find her', async () => {
    const { entities } = await extractor.extract('my sister Ana lives in Lisbon', CHAT_CONTEXT);
    expect(entities.find((entity) => entity.text === 'Ana')?.alias).toBe("alice's sister");
  });

  it.each([
    ["my sister's car is red"],
    ["my sister is Ana's age"],
    ['my ex husband is nice'],
    ['I love my family'],
  ])('"%s" gives no kinship to a name', async (text) => {
    const found = await relations(text);
    expect(
      found.filter((relation) => / (sibling_of|spouse_of|partner_of) (?!alice's)/u.test(relation)),
    ).toEqual([]);
  });

  it.each([
    ["Monica is Ross's sister.", 'Ross sibling_of Monica'],
    ['Tom is Ana’s husband btw', 'Ana spouse_of Tom'],
    ['Jake is my sister’s son.', "alice's sister parent_of Jake"],
    ['Sarah is Tom’s boss now', 'Tom reports_to Sarah'],
  ])('"%s" (a name, a copula, another\'s relative) gives %s', async (text, expected) => {
    expect(await relations(text)).toContain(expected);
  });

  it.each([
    ["Tom is Ana's age."],
    ["Tom is Ana's favourite singer"],
    ["Is Tom Ana's brother?"],
    ["Tom isn't Ana's brother"],
  ])('"%s" makes no kinship between Tom and Ana', async (text) => {
    const found = await relations(text);
    expect(found.filter((relation) => /Tom/u.test(relation))).toEqual([]);
  });

  it('keeps a friend of a relative away from the speaker', async () => {
    const found = await relations("Sarah is my sister's friend");
    expect(found).toContain("alice's sister friend_of Sarah");
    expect(found).not.toContain('alice sibling_of Sarah');
  });
});

describe('a relative named after the copula: "my sister is Grace", "Issac\'s sister is Jasmine"', () => {
  it.each([
    ['My sister is Grace.', 'alice sibling_of Grace'],
    ["Issac's sister is Jasmine. She works at a spa.", 'Issac sibling_of Jasmine'],
    ['My brother is Will, and he is great.', 'alice sibling_of Will'],
    ['my mom is Amber', 'alice child_of Amber'],
    ['My brother is Brian.', 'alice sibling_of Brian'],
  ])('"%s" gives %s', async (text, expected) => {
    expect(await relations(text)).toContain(expected);
  });

  it.each([
    ['My sister is Jewish.'],
    ['My sister is Catholic.'],
    ['My wife is Japanese.'],
    ['My sister is American.'],
    ['My sister is sick.'],
    ["My sister is Grace Kelly's biggest fan."],
    ['My husband is Happy about it.'],
  ])('"%s" names no relative', async (text) => {
    const found = await relations(text);
    expect(
      found.filter((relation) => /(sibling_of|child_of|spouse_of) (?!alice's)/u.test(relation)),
    ).toEqual([]);
  });
});

describe('children and family lists: "two kids, Leo and Mia"', () => {
  it.each([
    ['ok so about me: married to Omar, two kids, Leo who is 7 and Mia who is 4', ['Leo', 'Mia']],
    ['I have two daughters: Emma and Lily', ['Emma', 'Lily']],
    ['my kids Leo and Mia love soccer', ['Leo', 'Mia']],
    ['my kids, Jake (7) and Mia (4), love soccer', ['Jake', 'Mia']],
    ['we have three sons, Jake, Tom and Ben', ['Jake', 'Tom', 'Ben']],
  ])('"%s" makes the speaker a parent of %s', async (text, children) => {
    const found = await relations(text);
    for (const child of children) expect(found).toContain(`alice parent_of ${child}`);
  });

  it('gives a third person their own children', async () => {
    const found = await relations('Tom has two kids, Jake and Mia');
    expect(found).toEqual(expect.arrayContaining(['Tom parent_of Jake', 'Tom parent_of Mia']));
    expect(found.filter((relation) => relation.startsWith('alice'))).toEqual([]);
  });

  it.each([
    ['two kids ran past us at the park'],
    ['Leo who is 7 and Mia who is 4 are here'],
    ['I teach two kids, Leo is the quiet one'],
  ])('"%s" gives nobody children', async (text) => {
    const found = await relations(text);
    expect(found.filter((relation) => relation.includes('parent_of'))).toEqual([]);
  });
});

describe('managers and reports: the boss is the one reported to', () => {
  it.each([
    ['my new boss Karen Miller is super sharp', 'alice reports_to Karen Miller'],
    ['ugh 1:1 today. my manager is Priya Chen, she is fine', 'alice reports_to Priya Chen'],
    ["Dan Okafor is my manager, he's really great", 'alice reports_to Dan Okafor'],
    ['My supervisor is Linda Park.', 'alice reports_to Linda Park'],
    ['Linda retired early so now my manager is Carol Diaz.', 'alice reports_to Carol Diaz'],
    ['my manager now is Elena Rossi, super chill', 'alice reports_to Elena Rossi'],
    ['so now i report to Tom Becker', 'alice reports_to Tom Becker'],
    ['Tom reports to me', 'Tom reports_to alice'],
    ['I manage Tom and it is a lot', 'Tom reports_to alice'],
    ['Ana is my direct report', 'Ana reports_to alice'],
    ['I work for Karen Miller now', 'alice reports_to Karen Miller'],
  ])('"%s" gives %s', async (text, expected) => {
    const found = await relations(text);
    expect(found).toContain(expected);
    const [source, , target] = expected.split(/ (reports_to) /u);
    expect(found).not.toContain(`${target} reports_to ${source}`);
  });

  it('keeps the manager\'s full name and their workplace in "my manager at X is Y"', async () => {
    const found = await relations('my manager at Google is Karen Miller');
    expect(found).toEqual(
      expect.arrayContaining([
        'alice reports_to Karen Miller',
        'Karen Miller works_for Google',
        'alice works_for Google',
      ]),
    );
  });

  it.each([
    ['I reported the bug to Tom'],
    ["my boss's wife Tom is lovely"],
    ['my former boss Tom called'],
    ["Tom is my boss's boss"],
  ])('"%s" does not make Tom the speaker\'s manager', async (text) => {
    expect(await relations(text)).not.toContain('alice reports_to Tom');
  });
});
