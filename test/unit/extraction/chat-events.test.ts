import { beforeAll, describe, expect, it } from 'vitest';
import { RulesEntityExtractor } from '../../../src/adapters/extraction/rules-entity-extractor.js';
import { chatRelations } from '../../support/relation-strings.js';

const extractor = new RulesEntityExtractor({ confidenceThreshold: 0.5 });

beforeAll(() => extractor.init());

// Said on Saturday 9 May 2026 (see CHAT_CONTEXT).
const dated = (text: string) => chatRelations(extractor, text, { dates: true });
const relations = (text: string) => chatRelations(extractor, text);

describe('moves: "we moved to X", "moved from X to Y"', () => {
  it.each([
    [
      'we moved from Seattle to Denver last week, boxes everywhere',
      ['alice lives_in Seattle (ended) from 2026-04-27', 'alice lives_in Denver from 2026-04-27'],
    ],
    ['we moved to Bellevue last month', ['alice lives_in Bellevue from 2026-04-01']],
    ['Moved to Portland two weeks ago!', ['alice lives_in Portland from 2026-04-25']],
    ['I moved back to Ohio in March', ['alice lives_in Ohio from 2026-03-01']],
    ['I moved here from Austin', ['alice lives_in Austin (ended)']],
    ['I finally moved out of Boston', ['alice lives_in Boston (ended)']],
    ["I don't live in Paris anymore", ['alice lives_in Paris (ended)']],
    ['I used to live in Paris', ['alice lives_in Paris (ended)']],
    ['hey, 26, living in Chicago, finishing my masters', ['alice lives_in Chicago']],
    ["I'm visiting from Paris, here for a week", ['alice lives_in Paris']],
  ])('"%s" gives %s', async (text, expected) => {
    expect(await dated(text)).toEqual(expect.arrayContaining(expected));
  });

  it.each([
    ['lucia and I moved to Evanston', ['alice lives_in Evanston']],
    ['Jordan and I moved to Evanston', ['alice lives_in Evanston', 'Jordan lives_in Evanston']],
    [
      'we live in Seattle, me and my girlfriend Jordan',
      ['alice lives_in Seattle', 'Jordan lives_in Seattle', 'alice partner_of Jordan'],
    ],
    [
      'my husband Omar and I moved to Portland',
      ['alice lives_in Portland', 'Omar lives_in Portland'],
    ],
  ])('"%s": "we" is the speaker and the partner the text names', async (text, expected) => {
    expect(await relations(text)).toEqual(expect.arrayContaining(expected));
  });

  it.each([
    ["we're moving to Boston in may"],
    ["I'm thinking of moving to Austin"],
    ['I never lived in Paris'],
    ['I will move to Paris'],
    ['we might move to Denver next year'],
    ['we stayed in Paris for a week'],
    ['My sister moved to Boston'],
    ['I move to Denver next month'],
  ])('"%s" gives the speaker no home', async (text) => {
    const found = await relations(text);
    expect(found.filter((relation) => relation.startsWith('alice lives_in'))).toEqual([]);
  });
});

describe('homes by street: "I live at 15 Yemen Road", "I live on Bedford Street"', () => {
  it.each([
    ['I live at 15 Yemen Road.', 'alice lives_in Yemen Road'],
    ['I live on Bedford Street.', 'alice lives_in Bedford Street'],
    ['we live at 90 Bedford Street', 'alice lives_in Bedford Street'],
    ['My sister lives on Maple Avenue', "alice's sister lives_in Maple Avenue"],
  ])('"%s" gives %s', async (text, expected) => {
    expect(await relations(text)).toContain(expected);
  });

  it.each([
    ['I live on coffee and toast.'],
    ['I live at home with my parents.'],
    ['I work at 3 companies.'],
    ['I waited on Bedford Street for an hour.'],
  ])('"%s" gives no home and no job', async (text) => {
    const found = await relations(text);
    expect(found.filter((relation) => /lives_in|works_for/u.test(relation))).toEqual([]);
  });
});

describe('jobs at a place name: "I\'m a waitress at Central Perk"', () => {
  it.each([
    ["I'm a waitress at Central Perk.", 'alice works_for Central Perk'],
    ['Rachel is a waitress at Central Perk', 'Rachel works_for Central Perk'],
    ["I'm a nurse at Mass General", 'alice works_for Mass General'],
  ])('"%s" gives %s', async (text, expected) => {
    expect(await relations(text)).toContain(expected);
  });

  it.each([
    ["I'm a lawyer at Boston."],
    ['We had coffee with Grace at Central Perk.'],
    ['I met a waiter at Central Perk.'],
  ])('"%s" gives no job', async (text) => {
    expect((await relations(text)).filter((found) => found.includes('works_for'))).toEqual([]);
  });
});

describe('job changes: "I quit X and started at Y", "I\'m now at Y"', () => {
  it.each([
    [
      'ok so I left Microsoft and joined Stripe!!',
      ['alice works_for Microsoft (ended)', 'alice works_for Stripe'],
    ],
    ['I quit Google last month', ['alice works_for Google (ended) from 2026-04-01']],
    ['started at Accenture today.', ['alice works_for Accenture from 2026-05-09']],
    ['I started working at Nike last month', ['alice works_for Nike from 2026-04-01']],
    ["I'm now at Qualcomm", ['alice works_for Qualcomm']],
    ['Emily is now at Qualcomm, she finally left teaching', ['Emily works_for Qualcomm']],
    ["been at Shopify a week now and honestly I don't miss Dell", ['alice works_for Shopify']],
    ['my last day at Intel was yesterday', ['alice works_for Intel (ended) from 2026-05-08']],
    ['last day at Intel today, gonna miss it', ['alice works_for Intel (ended) from 2026-05-09']],
    ['I got laid off from Dell', ['alice works_for Dell (ended)']],
    ['I resigned from Google', ['alice works_for Google (ended)']],
    ['I no longer work at Dell', ['alice works_for Dell (ended)']],
    ["so i'm a backend dev at Microsoft, been there almost 4 years", ['alice works_for Microsoft']],
    ['I teach at Lincoln High', ['alice works_for Lincoln High']],
    [
      'also i work part time at Intelligentsia, the coffee place',
      ['alice works_for Intelligentsia'],
    ],
    ['I got a new job at Dell, starting January', ['alice works_for Dell']],
    ['Landed a position with Accenture!', ['alice works_for Accenture']],
    ['I accepted a job at Shopify last week', ['alice works_for Shopify from 2026-04-27']],
    [
      "Big change: I left St. Mary's and started at Legacy Emanuel as a charge nurse.",
      ["alice works_for St. Mary's (ended)", 'alice works_for Legacy Emanuel'],
    ],
    ['I started a new job at Swedish Medical', ['alice works_for Swedish Medical']],
    ['hey so i do backend stuff at shopify', ['alice works_for shopify']],
    ['I do marketing at Nike', ['alice works_for Nike']],
    ["I work at St. Jude's", ["alice works_for St. Jude's"]],
    [
      "My manager at St. Mary's is Linda Park",
      ['alice reports_to Linda Park', "Linda Park works_for St. Mary's"],
    ],
  ])('"%s" gives %s', async (text, expected) => {
    expect(await dated(text)).toEqual(expect.arrayContaining(expected));
  });

  it.each([
    ["I'm starting at Google next month"],
    ['I applied to Google and Meta'],
    ['I had an interview at Stripe today'],
    ['got an offer from Shopify!! starting april 20'],
    ['I want to work at Google'],
    ["I don't work at Google"],
    ['she is a retired Google engineer'],
    ['I want to teach at Lincoln High one day'],
    ["I didn't get the job at Dell"],
    ['I applied for a job at Dell'],
    ['I hope to land a job at Dell'],
    ['I went to Google for an interview'],
    ["I'm a junior at Ohio State University"],
    ['I do yoga at Equinox Gym'],
    ['I do my shopping at Costco'],
    ['I do it for Google'],
    ['Do you do marketing at Nike?'],
  ])('"%s" gives the speaker no job change', async (text) => {
    const found = await relations(text);
    expect(found.filter((relation) => relation.startsWith('alice works_for'))).toEqual([]);
  });
});

describe('visitors: "my mom is visiting from Toronto" says where she lives', () => {
  // A visit still to come ("… next week") is a plan, and plans state nothing yet.
  it.each([
    ['my mom is visiting from Toronto!', "alice's mom lives_in Toronto"],
    ['My sister is in town from Denver.', "alice's sister lives_in Denver"],
  ])('"%s" gives %s, from when it was said', async (text, expected) => {
    expect(await dated(text)).toContain(expected);
  });

  it.each([
    ['We were visiting Toronto.'],
    ['Are you visiting from Toronto?'],
    ["My mom isn't visiting from Toronto."],
  ])('"%s" gives no home', async (text) => {
    expect((await relations(text)).filter((relation) => relation.includes('lives_in'))).toEqual([]);
  });
});

describe('schools: "goes to X Elementary", "started kindergarten at X"', () => {
  it.each([
    [
      'Layla started kindergarten at Cedar Mill Elementary',
      ['Layla studies_at Cedar Mill Elementary'],
    ],
    ['Tom goes to Stanford University', ['Tom studies_at Stanford University']],
    ["I'm a junior at Ohio State University", ['alice studies_at Ohio State University']],
    ['Ben is in preschool at Sunny Days Academy', ['Ben studies_at Sunny Days Academy']],
  ])('"%s" gives %s', async (text, expected) => {
    expect(await relations(text)).toEqual(expect.arrayContaining(expected));
  });

  it.each([
    ['I went to Google for an interview'],
    ['We went to Paris in May'],
    ['Tom went to Stanford University for a talk about AI, he wants to apply'],
    ["I don't go to Lincoln High anymore"],
  ])('"%s" gives no current school', async (text) => {
    const found = await relations(text);
    expect(found.filter((relation) => / studies_at [^(]*$/u.test(relation))).toEqual([]);
  });
});

describe('couples: engagement, marriage, divorce, breakup, dating', () => {
  it.each([
    [
      'I proposed to Lucia last night and she said yes!!!! we are engaged',
      ['alice engaged_to Lucia from 2026-05-08'],
    ],
    ['Richard proposed!! At our age! I said yes of course.', ['alice engaged_to Richard']],
    ["I'm engaged to Tom", ['alice engaged_to Tom']],
    [
      'my girlfriend Lucia and I got married on saturday',
      ['alice spouse_of Lucia from 2026-05-02'],
    ],
    ['I married Tom in 2015', ['alice spouse_of Tom from 2015-01-01']],
    ['ok so about me: married to Omar', ['alice spouse_of Omar']],
    [
      'Paul and I divorced six years ago, we are on good terms',
      ['alice spouse_of Paul (ended) from 2020-05-09', 'alice ex_spouse_of Paul from 2020-05-09'],
    ],
    [
      'jordan and i broke up. im ok-ish',
      ['alice partner_of jordan (ended)', 'alice ex_partner_of jordan'],
    ],
    ['I broke up with Jordan last week', ['alice partner_of Jordan (ended) from 2026-04-27']],
    ['Jordan dumped me', ['alice partner_of Jordan (ended)']],
    ["I'm dating Sofia", ['alice partner_of Sofia']],
    ['I started seeing someone. her name is Maya, we met at the gym', ['alice partner_of Maya']],
    ["I've been seeing someone, a man named Richard from my choir", ['alice partner_of Richard']],
    ['Tom and Ana got married', ['Tom spouse_of Ana']],
    ['Priya and I are officially together now :)', ['alice partner_of Priya']],
    ['Priya and I are dating', ['alice partner_of Priya']],
    ['Priya and I got together last month', ['alice partner_of Priya from 2026-04-01']],
    ['Priya and I have been together for two years.', ['alice partner_of Priya']],
    ["I'm still married to Carol", ['alice spouse_of Carol']],
    ['In the end Tom ended up marrying Ana', ['Tom spouse_of Ana']],
    ['Laurie proposed to Jo, she said no, and then he ends up marrying Amy', []],
  ])('"%s" gives %s', async (text, expected) => {
    expect(await dated(text)).toEqual(expect.arrayContaining(expected));
  });

  it('takes "we" of a wedding for the speaker and the partner named before', async () => {
    const found = await relations('my girlfriend Lucia is the best. we got married on saturday!!!');
    expect(found).toContain('alice spouse_of Lucia');
  });

  it.each([
    ['we got married on saturday!!!'],
    ['I proposed to Lucia'],
    ["I'm seeing Tom tomorrow"],
    ["I'd never date Tom"],
    ['my friends broke up'],
    ['I want to marry Tom'],
    ['Tom and Ana got married'],
    ['Priya and I went together to the store.'],
    ['Priya and I got together for coffee.'],
    ['Priya and I worked together at Dell.'],
    ['Are Priya and I together?'],
    ['Priya and I were never together'],
    ['If I get married to Tom, I will move.'],
    ["I'm marrying Tom"],
    ['I ended up marrying into a crazy family'],
  ])('"%s" gives the speaker no partner', async (text) => {
    const found = await relations(text);
    const partners = /^alice (spouse_of|engaged_to|partner_of|ex_spouse_of|ex_partner_of) /u;
    expect(found.filter((relation) => partners.test(relation))).toEqual([]);
  });
});

describe('couples said to the one spoken to: "you were still married to her"', () => {
  const toJo = async (text: string, earlier: string) => {
    const { entities, relations: found } = await extractor.extract(text, {
      speaker: 'alice',
      addressee: 'Jo',
      earlierTurns: [{ speaker: 'Jo', text: earlier }],
    });
    return found.map(
      (relation) =>
        `${entities[relation.sourceIndex]?.text} ${relation.type} ${entities[relation.targetIndex]?.text}`,
    );
  };

  it.each([
    ['You were still married to her.', 'Rachel is upset.', 'Jo spouse_of Rachel'],
    ['you got married to Sam last year', 'hi', 'Jo spouse_of Sam'],
  ])('"%s" gives %s', async (text, earlier, expected) => {
    expect(await toJo(text, earlier)).toContain(expected);
  });

  it.each([
    ['If you get married to Sam, you will regret it.'],
    ['You are not married to Sam.'],
    ['Did you get married to Sam?'],
  ])('"%s" gives Jo no spouse', async (text) => {
    expect((await toJo(text, 'hi')).filter((found) => found.startsWith('Jo '))).toEqual([]);
  });
});

describe('pets: "our dog X", "a puppy called X", "a cat named X"', () => {
  it.each([
    ["oh and our dog Biscuit, he's a corgi mix", 'Biscuit', 'dog'],
    ['we got a puppy called Max', 'Max', 'dog'],
    ['adopted a cat named Whiskers from the shelter!!', 'Whiskers', 'cat'],
    ['I have a parakeet named Kiwi who talks more than I do.', 'Kiwi', 'parakeet'],
    ['we got a puppy!!! his name is Pepper, golden retriever', 'Pepper', 'dog'],
    ['we just got a kitten, her name is Mochi', 'Mochi', 'cat'],
    ['my cat, Luna, hates mornings', 'Luna', 'cat'],
    ['we have a beagle called Pepper', 'Pepper', 'dog'],
    ['our lab Max loves the lake', 'Max', 'dog'],
    ['Mittens, my cat, is sick again', 'Mittens', 'cat'],
    ['I took Rex, our dog, to the vet', 'Rex', 'dog'],
    ['I walked Rex, our dog.', 'Rex', 'dog'],
    ['This is Patti, my monkey.', 'Patti', 'monkey'],
  ])('"%s": the speaker has %s, a %s', async (text, name, species) => {
    const extraction = await extractor.extract(text, { speaker: 'alice' });
    const pet = extraction.entities.find((entity) => entity.text === name);
    expect(pet).toMatchObject({ type: 'MISC', attributes: { species } });
    expect(await relations(text)).toContain(`alice has_pet ${name}`);
  });

  it('names every pet of a list', async () => {
    const found = await relations('we have two cats, Luna and Miso. luna is the evil one');
    expect(found).toEqual(expect.arrayContaining(['alice has_pet Luna', 'alice has_pet Miso']));
  });

  it('drops the stand-in once the pet is named', async () => {
    expect(await relations('we got a puppy!!! his name is Pepper')).toEqual([
      'alice has_pet Pepper',
    ]);
  });

  it('names no pet with a name given before it in the sentence', async () => {
    const found = await relations('Her name is Sarah and she got a puppy.');
    expect(found.filter((relation) => relation.endsWith('has_pet Sarah'))).toEqual([]);
  });

  it.each([
    ['I saw a dog named Rex at the park'],
    ['I hate dogs'],
    ["my neighbor's dog Rex barks all night"],
    ['Rex is a good name for a dog'],
    ['I went to the lab today with Max'],
  ])('"%s" gives the speaker no pet', async (text) => {
    const found = await relations(text);
    expect(found.filter((relation) => relation.startsWith('alice has_pet'))).toEqual([]);
  });

  it.each([
    ['Ross, my dog is sick.', 'Ross'],
    ['Hey Ross, my dog!', 'Ross'],
    ['Oh, my dog, he is so sick.', 'Oh'],
    ['I saw Ross, my dog was with me.', 'Ross'],
  ])('"%s": %s, called out or before a clause, is no pet', async (text, name) => {
    expect(await relations(text)).not.toContain(`alice has_pet ${name}`);
  });
});
