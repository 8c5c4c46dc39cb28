/** Cue words of the relation patterns (general English, nothing learned from data). */

import type { RelationType } from '../../../domain/relation-type.js';
import { wordGroups, words } from '../../../domain/word-list.js';

/** Verb phrases (as lemmas) linking a subject to the entity after them; longest first per type. */
export const VERB_PHRASES = {
  works_for: words(`
    be_employ_by be_employ_at work_for work_at work_with intern_at be_hire_by join
    be_a_engineer_at be_an_engineer_at be_with
  `),
  born_in: words(`
    be_bear_in be_born_in bear_in born_in grow_up_in
  `),
  located_in: words(`
    be_base_in be_headquarter_in be_locate_in base_in headquarter_in have_office_in be_situate_in
  `),
  lives_in: words(`
    live_in reside_in move_to relocate_to stay_in be_from come_from live_near settle_in
  `),
  studies_at: words(`
    study_at study_in attend graduate_from enroll_at enroll_in be_a_student_at go_to_school_at
    major_at teach_at
  `),
  member_of: words(`
    be_a_member_of belong_to play_for sing_in play_in volunteer_at volunteer_for
  `),
  founded: words(`
    co-founded cofounded founded be_founder_of be_co-founder_of start establish launch set_up
    create
  `),
  spouse_of: words(`
    be_marry_to get_marry_to marry wed
  `),
  friend_of: words(`
    be_friend_with be_friends_with be_a_friend_of hang_out_with
  `),
  dislikes: words(`
    can't_stand cannot_stand don't_like do_n't_like doesn't_like don't_love do_not_like hate
    dislike detest don't_enjoy despise
  `),
  likes: words(`
    be_into be_a_fan_of be_a_big_fan_of be_a_huge_fan_of be_fond_of be_obsess_with be_crazy_about
    love like enjoy adore prefer
  `),
} as const satisfies Partial<Record<RelationType, ReadonlySet<string>>>;

/** Everyday verbs compromise's lexicon leaves out or tags as nouns; conjugated at load time. */
export const EXTRA_VERBS: ReadonlySet<string> = words(`
  work live study found cofound co-found marry wed assassinate attend graduate join move enroll
  reside relocate settle love like enjoy adore prefer hate dislike detest despise adopt own start
  launch establish create visit meet call text help buy sell lead run manage teach play sing kill
  murder shoot head direct represent acquire sue beat defeat elect appoint hire fire leave quit
  date divorce miss intern volunteer belong base headquarter locate stay come grow hang employ
  obsess major coach train marry invite email phone chair serve replace succeed oppose support
  endorse interview criticize praise thank follow watch read write cook bake drive fly travel
  return host own rescue raise bear invest fund open close merge partner sign release publish
  record perform
`);

/** Verbs that introduce a pet: "I have a dog", "we adopted two kittens". */
export const PET_VERBS: ReadonlySet<string> = words('have own adopt get rescue foster walk feed');

/** Words between a pet verb and the pet noun ("adopted two little kittens"); numbers too. */
export const PET_DETERMINERS: ReadonlySet<string> = words(`
  a an the two three new little cute old another some
`);

/** Words allowed between a subject and its verb ("Sarah now lives…", "I've always loved…"). */
export const VERB_MODIFIERS: ReadonlySet<string> = words(`
  also now still currently recently just always really actually already never often usually later
  then once totally absolutely kinda literally will 'll would have has had 've 'd used to do does
  did can could may might should must who which that both all eventually finally originally first
  even so truly
`);

/** Words allowed between a verb and its object ("works at the Google office"). */
export const OBJECT_FILLERS: ReadonlySet<string> = words(`
  the a an my his her their our your its this that local new small big old famous beautiful city
  town of state company firm startup university rival giant band team club called named president
  mr mrs ms dr sen gov rep gen senator governor mayor minister prime king queen pope judge
  general colonel .
`);

/** Prepositions that govern the name after them, so it is no subject ("went with Tom"). */
export const VERB_PREPOSITIONS: ReadonlySet<string> = words(`
  in at to for from with of by on near about into like than
`);

/** Words that end a plain noun phrase object ("I love hiking with Tom" → "hiking"). */
export const PHRASE_STOPS: ReadonlySet<string> = words(`
  and but or because so when while with in at on to for of from too lol haha a lot very much it
  that this you him her them me us is are was were be
`);

/** Forms of "be" (matched by the lemma `be` in patterns). */
export const BE_FORMS: ReadonlySet<string> = words("be is was am are were been being 's 'm 're im");

/** Verbs too vague for a generic subject–verb–object relation. */
export const GENERIC_VERB_STOPLIST: ReadonlySet<string> = words(`
  be have do say tell get go make let think know see want will can may must shall would could
  should might
`);

/** Adjectives between a possessive and a kinship noun ("my little sister"). */
export const KIN_ADJECTIVES: ReadonlySet<string> = words(`
  best little big older younger elder baby twin new old dear late ex oldest youngest step lovely
  good close childhood only
`);

/** "Sarah is my sister": the verbs between a person and a possessed kinship noun. */
export const KINSHIP_COPULAS: ReadonlySet<string> = words("is was 's");

/** Kinship and social nouns: "my sister Sarah" (relation from the possessor to the name). */
export const RELATIVE_NOUNS: ReadonlyMap<string, RelationType> = wordGroups<RelationType>({
  sibling_of: 'sister brother sibling sis bro twin',
  spouse_of: 'wife husband spouse hubby fiance fiancé fiancee fiancée',
  parent_of: 'son daughter kid child baby stepson stepdaughter',
  child_of: 'mom mother mum dad father mommy daddy stepmom stepdad',
  friend_of: 'friend buddy pal bff bestie roommate mate',
  partner_of: 'boyfriend girlfriend partner',
  boss_of: 'boss',
  manager_of: 'manager',
  coworker_of: 'coworker',
  colleague_of: 'colleague',
  cousin_of: 'cousin',
  uncle_of: 'uncle',
  aunt_of: 'aunt',
  neighbor_of: 'neighbor neighbour',
  grandma_of: 'grandma',
  grandmother_of: 'grandmother',
  grandpa_of: 'grandpa',
  grandfather_of: 'grandfather',
  nephew_of: 'nephew',
  niece_of: 'niece',
});

/** Job nouns in news appositives ("Bill Gates, chairman of Microsoft", "Microsoft chairman X"). */
export const ROLE_NOUNS: ReadonlyMap<string, RelationType> = wordGroups<RelationType>({
  works_for: `
    president chairman chairwoman ceo spokesman spokeswoman director head employee engineer
    manager executive officer secretary leader chief analyst editor reporter correspondent
    professor economist researcher scientist coach owner partner commander official aide adviser
    advisor representative lawyer attorney vice general worker staffer designer developer teacher
    nurse doctor chairperson cto cfo coo administrator governor minister senator spokesperson
    producer publisher columnist writer counsel treasurer dean principal trustee
  `,
  founded: 'founder cofounder co-founder',
  member_of: 'member',
  studies_at: 'student graduate alumnus',
  lives_in: 'resident citizen',
  born_in: 'native',
});

/** Words before a role noun ("the former deputy chairman of …"). */
export const ROLE_DETERMINERS: ReadonlySet<string> = words(`
  the a an its his her their former deputy assistant senior top chief executive vice general
  managing longtime new acting associate staff
`);

/** Prepositions from a person to an employer or a place ("Tom Hall of Acme", "Ann from Ohio"). */
export const PERSON_LINKS: ReadonlySet<string> = words('of at for with from in');

/** "Acme, based in Ohio": words before "in" that locate an organisation. */
export const LOCATING_WORDS: ReadonlySet<string> = words('based headquartered located situated');

/** Words that continue a list of places ("Tokyo, Kyoto and Osaka"). */
export const LIST_JOINERS: ReadonlySet<string> = words('and ,');

/** Articles that open an appositive ("Acme, a Boston firm"). */
export const ARTICLES: ReadonlySet<string> = words('a an the');

/** Prepositions before a place inside an appositive ("an island nation in the Pacific"). */
export const PLACE_LINKS: ReadonlySet<string> = words('in of near outside');

/** "Rolling Fork, where Elvis was born": words of birth after "where". */
export const BIRTH_WORDS: ReadonlySet<string> = words('born raised');

/** "… where she lives": words of living somewhere after "where". */
export const HOME_WORDS: ReadonlySet<string> = words('lives lived grew resides resided settled');

/** Punctuation and words that end an appositive. */
export const CLAUSE_BREAKS: ReadonlySet<string> = words(', ; : ( ) who which that and but');

/** "Sohn's New Jersey home": nouns of a home after a possessed place. */
export const HOME_NOUNS: ReadonlySet<string> = words(`
  home house hometown apartment flat residence
`);

/** Agent nouns of killing and the verb lemma they stand for ("Kennedy's assassin, Oswald"). */
export const KILLER_NOUNS: ReadonlyMap<string, string> = wordGroups({
  assassinate: 'assassin',
  kill: 'killer',
  murder: 'murderer',
  slay: 'slayer',
});

/** Event nouns of killing and their verb lemma ("the murder of X by Y"). */
export const KILLING_NOUNS: ReadonlyMap<string, string> = wordGroups({
  assassinate: 'assassination',
  murder: 'murder',
  kill: 'killing',
  slay: 'slaying',
  shoot: 'shooting',
});

/** Pronouns resolved to the last person named ("Tom said he lives in Paris"). */
export const THIRD_PERSON: ReadonlySet<string> = words('he she him her his hers');

/** Speaker contractions and the verb they hold ("I'm" → be): the verb joins the sentence. */
export const SPEAKER_CONTRACTIONS: ReadonlyMap<string, string> = wordGroups({
  be: "i'm im i’m",
  have: "i've i’ve",
  will: "i'll",
  would: "i'd",
});
