import { beforeAll, describe, expect, it } from 'vitest';
import { RulesEntityExtractor } from '../../../src/adapters/extraction/rules-entity-extractor.js';
import { genderOfKinWord } from '../../../src/domain/kin-gender.js';

const extractor = new RulesEntityExtractor({ confidenceThreshold: 0.5 });
const context = { speaker: 'sam', addressee: 'Ava' };

beforeAll(() => extractor.init());

async function genderOf(text: string, name: string): Promise<unknown> {
  const { entities } = await extractor.extract(text, context);
  const entity = entities.find((each) => each.text === name);
  expect(entity, `${name} in "${text}"`).toBeDefined();
  return entity?.attributes?.['gender'];
}

describe('gender of kin words', () => {
  it('reads the gender a kinship word implies, and none from a neutral one', () => {
    expect(genderOfKinWord('Sister')).toBe('female');
    expect(genderOfKinWord('grandpa')).toBe('male');
    expect(genderOfKinWord('fiancée')).toBe('female');
    expect(genderOfKinWord('cousin')).toBeUndefined();
    expect(genderOfKinWord('friend')).toBeUndefined();
  });

  it.each([
    ['My sister Ana lives in Lisbon.', 'Ana', 'female'],
    ['My little sister, Emma, just started college', 'Emma', 'female'],
    ['Sarah is my sister.', 'Sarah', 'female'],
    ['My mom Linda called this morning', 'Linda', 'female'],
    ['My girlfriend Jess loves that place.', 'Jess', 'female'],
    ['My brother Tom moved to Denver.', 'Tom', 'male'],
    ['Ross, my brother, is here.', 'Ross', 'male'],
    ["Chandler's my husband.", 'Chandler', 'male'],
    ['My uncle Bob visited us', 'Bob', 'male'],
    ['my ex-boyfriend Kyle texted me again', 'Kyle', 'male'],
    ['My other sister Jess lives in Ohio.', 'Jess', 'female'],
    ['we finally met our other half-brother, Ramone.', 'Ramone', 'male'],
  ])('"%s" keeps %s as %s', async (text, name, gender) => {
    expect(await genderOf(text, name)).toBe(gender);
  });

  it('keeps the gender on an unnamed relative ("my sister lives in Boston")', async () => {
    expect(await genderOf('My sister lives in Boston.', "sam's sister")).toBe('female');
  });

  it('gives the one called "Mom" a gender', async () => {
    expect(await genderOf('Hi Mom!', 'Ava')).toBe('female');
  });

  it.each([
    ['my cousin Alex is visiting', 'Alex'],
    ['My friend Jamie is great.', 'Jamie'],
    ['My kids Leo and Mia are sick.', 'Leo'],
    ["My sister's friend Tom is nice.", 'Tom'],
    ['My boss Karen Miller is strict.', 'Karen Miller'],
  ])('"%s" says nothing of the gender of %s', async (text, name) => {
    expect(await genderOf(text, name)).toBeUndefined();
  });

  it('never gives the speaker a gender ("I\'m your brother")', async () => {
    const { entities } = await extractor.extract("I'm your brother.", context);
    expect(entities.find((entity) => entity.isSpeaker)?.attributes).toBeUndefined();
  });
});
