/** Cue words of the relation patterns (general English, nothing learned from data). */

import type { RelationType } from '../../../domain/relation-type.js';
import { wordGroups, words } from '../../../domain/word-list.js';

/** Verb phrases (as lemmas) linking a subject to the entity after them; longest first per type. */
export const VERB_PHRASES = {
  works_for: words(`
    be_employ_by be_employ_at work_for work_at work_with intern_at be_hire_by get_hire_by
    get_hire_at get_a_job_at take_a_job_at start_work_at start_work_for start_at begin_at join
    get_a_new_job_at get_a_job_with get_a_new_job_with take_a_new_job_at take_a_job_with
    land_a_job_at land_a_job_with land_a_new_job_at land_a_position_at land_a_position_with
    accept_a_job_at accept_a_position_at accept_a_position_with accept_an_offer_from
    get_a_position_at take_a_position_at take_a_position_with start_a_new_job_at start_a_job_at
    be_a_engineer_at be_an_engineer_at be_with be_now_at move_to teach_at teach_for lecture_at
  `),
  born_in: words(`
    be_bear_in be_born_in bear_in born_in grow_up_in
  `),
  located_in: words(`
    be_base_in be_headquarter_in be_locate_in base_in headquarter_in have_office_in be_situate_in
  `),
  lives_in: words(`
    live_in live_at live_on reside_in reside_at move_to move_into relocate_to be_from come_from
    live_near settle_in
    settle_down_in be_base_in be_visit_from be_in_town_from
  `),
  studies_at: words(`
    study_at study_in attend graduate_from enroll_at enroll_in be_a_student_at go_to_school_at
    major_at start_kindergarten_at start_preschool_at start_school_at start_college_at
    start_high_school_at be_in_kindergarten_at be_in_preschool_at be_in_school_at
    go_to_kindergarten_at go_to_preschool_at go_to_college_at be_a_freshman_at
    be_a_sophomore_at be_a_junior_at be_a_senior_at go_to
  `),
  member_of: words(`
    be_a_member_of belong_to play_for sing_in play_in volunteer_at volunteer_for
  `),
  founded: words(`
    co-founded cofounded founded be_founder_of be_co-founder_of start establish launch set_up
    create
  `),
  killed: words(`
    assassinate murder kill slay stab execute shoot_dead shoot gun_down
  `),
  spouse_of: words(`
    be_marry_to get_marry_to marry_to marry wed
  `),
  engaged_to: words(`
    be_engage_to get_engage_to
  `),
  partner_of: words(`
    been_see been_date start_see start_date begin_see begin_date be_date be_go_out_with
    be_in_a_relationship_with
  `),
  reports_to: words(`
    report_to be_report_to work_under
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

/** Verbs of a change ("move", "join"): their -ing form is a plan ("we're moving to X"), not a fact. */
export const CHANGE_VERBS: ReadonlySet<string> = words(`
  move relocate settle join start begin marry wed get take found launch establish create set
  leave quit
`);

/** Words between a subject and its verb that make the clause a wish, plan or question, not a fact. */
export const IRREALIS_WORDS: ReadonlySet<string> = words(`
  will 'll wo gonna going want wanna wants wanted plan plans planning planned hope hoping hoped
  might may could would 'd should must thinking considering if maybe probably try trying tried
  about can shall
`);

/** Negations between a subject and its verb ("I don't live in Paris"). */
export const NEGATIONS: ReadonlySet<string> = words(`
  not n't never no don't doesn't didn't isn't aren't wasn't weren't won't can't cannot haven't
  hasn't hadn't dont doesnt didnt isnt arent wasnt
`);

/** Words that say a state held and no longer does ("used to", "no longer", "not … anymore"). */
export const ENDED_WORDS: ReadonlySet<string> = words('used longer anymore formerly');

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
  record perform propose date divorce dump separate report engage see
`);

/** Words allowed between a subject and its verb ("Sarah now lives…", "I've always loved…"). */
export const VERB_MODIFIERS: ReadonlySet<string> = words(`
  also now still currently recently just always really actually already never often usually later
  then once totally absolutely kinda literally will 'll would have has had 've 'd used to do does
  did can could may might should must who which that both all eventually finally originally first
  even so truly back officially been part time full part-time full-time remotely
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

/** Adjectives between a possessive and a kinship noun ("my little sister"). */
export const KIN_ADJECTIVES: ReadonlySet<string> = words(`
  best little big older younger elder baby twin new old dear late ex oldest youngest step lovely other
  good close childhood only former direct current two three four five both
`);

/** "Sarah is my sister": the verbs between a person and a possessed kinship noun. */
export const KINSHIP_COPULAS: ReadonlySet<string> = words("is was 's are were be became becomes");

/** Kinship and social nouns: "my sister Sarah" gives owner TYPE Sarah (plurals are derived). */
export const RELATIVE_NOUNS: ReadonlyMap<string, RelationType> = wordGroups<RelationType>({
  sibling_of: `
    sister brother sibling sis bro twin half-brother half-sister stepbrother stepsister
  `,
  spouse_of: 'wife husband spouse hubby wifey',
  engaged_to: 'fiance fiancé fiancee fiancée',
  partner_of: 'boyfriend girlfriend partner bf gf',
  ex_spouse_of: 'ex-wife ex-husband',
  ex_partner_of: 'ex ex-boyfriend ex-girlfriend ex-partner ex-fiance ex-fiancee',
  parent_of: 'son daughter kid child baby stepson stepdaughter kiddo',
  child_of: 'mom mother mum dad father mommy daddy stepmom stepdad parent',
  grandparent_of: 'grandson granddaughter grandchild grandkid',
  grandchild_of: 'grandma grandmother grandpa grandfather granny grandparent',
  friend_of: 'friend buddy pal bff bestie mate',
  roommate_of: 'roommate roomie flatmate housemate',
  reports_to: 'boss manager supervisor',
  coworker_of: 'coworker co-worker',
  colleague_of: 'colleague',
  cousin_of: 'cousin',
  neighbor_of: 'neighbor neighbour',
});

/** Kinship and role nouns read the other way: "my uncle Tom", "my report Ana" give Tom TYPE owner. */
export const RELATIVE_ROLES: ReadonlyMap<string, RelationType> = wordGroups<RelationType>({
  uncle_of: 'uncle',
  aunt_of: 'aunt auntie',
  nephew_of: 'nephew',
  niece_of: 'niece',
  reports_to: 'report',
});

/** "my ex husband", "my former partner": what a past relation is called, by the present one. */
export const FORMER_RELATIONS: ReadonlyMap<string, RelationType> = wordGroups<RelationType>({
  ex_spouse_of: 'spouse_of',
  ex_partner_of: 'partner_of engaged_to ex_partner_of',
});

/** Adjectives that make a kinship noun past ("my ex husband", "my former boss"). */
export const FORMER_WORDS: ReadonlySet<string> = words('ex former');

/** Job nouns in news appositives ("Bill Gates, chairman of Microsoft", "Microsoft chairman X"). */
export const ROLE_NOUNS: ReadonlyMap<string, RelationType> = wordGroups<RelationType>({
  works_for: `
    president chairman chairwoman ceo spokesman spokeswoman director head employee engineer
    manager executive officer secretary leader chief analyst editor reporter correspondent
    professor economist researcher scientist coach owner partner commander official aide adviser
    advisor representative lawyer attorney vice general worker staffer designer developer teacher
    nurse doctor chairperson cto cfo coo administrator governor minister senator spokesperson
    producer publisher columnist writer counsel treasurer dean principal trustee dev swe sde
    intern barista cashier chef cook waiter waitress bartender consultant accountant architect
    recruiter paralegal pharmacist dentist surgeon physician therapist technician mechanic
    electrician plumber programmer coder marketer postdoc lecturer tutor
  `,
  founded: 'founder cofounder co-founder',
  member_of: 'member',
  studies_at:
    'student graduate alumnus freshman sophomore junior senior pupil undergrad undergraduate',
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

/** Agent nouns of killing ("Kennedy's assassin, Oswald"). */
export const KILLER_NOUNS: ReadonlySet<string> = words('assassin killer murderer slayer');

/** Event nouns of killing ("the murder of X by Y"). */
export const KILLING_NOUNS: ReadonlySet<string> = words(
  'assassination murder killing slaying shooting',
);

/** Pronouns resolved to the last person named ("Tom said he lives in Paris"). */
export const THIRD_PERSON: ReadonlySet<string> = words('he she him her his hers');

/** Speaker contractions and the verb they hold ("I'm" → be): the verb joins the sentence. */
export const SPEAKER_CONTRACTIONS: ReadonlyMap<string, string> = wordGroups({
  be: "i'm im we're",
  have: "i've we've",
  will: "i'll we'll",
  would: "i'd we'd",
});

/** First-person plural words: "we" stands for the speaker (and a partner named in the text). */
export const FIRST_PERSON_PLURAL: ReadonlySet<string> = words(
  "we us our ours we're we've we'll we'd",
);

/** Words and marks before a subjectless first-person clause ("ok so, moved to Denver!"). */
export const CLAUSE_OPENERS: ReadonlySet<string> = words(`
  ok okay so also and but oh just finally well btw lol omg haha yay actually anyway hey hi update
  news big good great guess what then yes yeah yep , : ; ! - . …
`);

/** States a first-person self-description gives without a subject ("living in Chicago"). */
export const STATE_VERBS: ReadonlySet<string> = words('live work study');

/** Past tenses spelled like their base form ("quit"), for subjectless clauses. */
export const PAST_AS_BASE: ReadonlySet<string> = words('quit');

/** Words after a verb's object that say a negated state has ended ("not … anymore"). */
export const LATER_ENDED_WORDS: ReadonlySet<string> = words('anymore');

/** Animals people keep, singular: the name after one is a pet's ("our dog Biscuit"). */
export const PET_KINDS: ReadonlySet<string> = words(`
  dog puppy pup doggo doggy pupper cat kitten kitty hamster gerbil rabbit bunny parrot parakeet
  budgie cockatiel canary bird fish goldfish betta turtle tortoise horse pony snake lizard gecko
  iguana guinea_pig guinea ferret pig mouse rat chinchilla hedgehog tarantula axolotl chicken hen
  goat monkey duck duckling
  beagle labrador lab retriever poodle corgi terrier husky pug dachshund bulldog chihuahua
  shepherd collie spaniel doodle goldendoodle labradoodle schnauzer rottweiler greyhound pitbull
  tabby
`);

/** The species a pet word names, when it is not the word itself ("puppy" → dog). */
export const PET_SPECIES: ReadonlyMap<string, string> = wordGroups({
  dog: `puppy pup doggo doggy pupper beagle labrador lab retriever poodle corgi terrier husky pug
    dachshund bulldog chihuahua shepherd collie spaniel doodle goldendoodle labradoodle schnauzer
    rottweiler greyhound pitbull`,
  cat: 'kitten kitty tabby',
  rabbit: 'bunny',
  'guinea pig': 'guinea',
  chicken: 'hen',
});

/** Words between a pet verb and the pet noun ("adopted two little kittens"); numbers too. */
export const PET_DETERMINERS: ReadonlySet<string> = words(`
  a an the two three four new little cute old another some sweet tiny baby rescue
`);

/** Verbs that introduce a pet: "I have a dog", "we adopted two kittens". */
export const PET_VERBS: ReadonlySet<string> = words('have own adopt get rescue foster');

/** "a man named Richard": nouns for a person not yet named. */
export const PERSON_NOUNS: ReadonlySet<string> = words(`
  man woman guy girl boy lady gentleman dude person someone somebody
`);

/** Nouns of a name ("her name is Maya", "my nickname is Gigi"). */
export const NAME_NOUNS: ReadonlySet<string> = words('name nickname');

/** Verbs of naming someone ("everyone calls me Gigi", "we named him Pepper"). */
export const CALLING_VERBS: ReadonlySet<string> = words('call calls called name named');

/** Words after a name that close a self-introduction ("I'm Sam Carter, …", "I'm Sam btw"). */
export const INTRODUCTION_ENDS: ReadonlySet<string> = words(', . ! ? ; : and btw lol haha');

/** Words of a couple's change and what it does to them ("Paul and I divorced", "we broke up"). */
export const COUPLE_EVENTS: ReadonlyMap<
  string,
  'married' | 'engaged' | 'divorced' | 'broke_up' | 'together'
> = wordGroups({
  married: 'married wed',
  engaged: 'engaged',
  divorced: 'divorced separated',
  broke_up: 'broke_up split_up split dumped',
  together: 'together dating',
});

/** Words between a couple and its event ("Paul and I (finally) got divorced", "he ended up marrying Amy", "you were still married"). */
export const COUPLE_AUXILIARIES: ReadonlySet<string> = words(`
  got get are were 're be been just finally officially have 've had recently still
  end ends ended up
`);

/** "started seeing someone": the words a partner not yet named goes by. */
export const SOMEONE_WORDS: ReadonlySet<string> = words('someone somebody');

/** Verbs of moving house ("we moved from Seattle to Denver"). */
export const MOVE_VERBS: ReadonlySet<string> = words('move relocate');

/** Verbs of leaving a job with the employer as object ("I quit Acme", "hannah left accenture"). */
export const JOB_ENDING_VERBS: ReadonlySet<string> = words('leave quit');

/** Verbs of leaving a job that need "from" ("resigned from Dell"; "a retired NFL kicker" is not one). */
export const JOB_ENDING_FROM_VERBS: ReadonlySet<string> = words('resign retire');

/** "got fired from X", "was laid off from X": passives that end a job. */
export const DISMISSAL_WORDS: ReadonlySet<string> = words('fired laid let sacked');

/** "last day at X", "worked my last shift at X": nouns of the final day at work. */
export const LAST_DAY_NOUNS: ReadonlySet<string> = words('day shift week');

/** "been at Shopify a week", "for 3 years": units of a time at work. */
export const DURATION_UNITS: ReadonlySet<string> = words(
  'day days week weeks month months year years',
);

/** "I manage Tom", "Ana supervises me": verbs whose object reports to the subject. */
export const MANAGING_VERBS: ReadonlySet<string> = words('manage supervise oversee');

/** Subject pronouns that stand for no one the text names ("you", "they"): no earlier name is meant. */
export const OTHER_SUBJECTS: ReadonlySet<string> = words(`
  you they it this that there someone everyone nobody somebody he she you're they're it's
  you've they've you'll they'll
`);

/** After a name opening a sentence and a comma, words that show the name was a call, not a subject. */
export const VOCATIVE_FOLLOWERS: ReadonlySet<string> = words(`
  i you we he she they it if when will can could would please do don't are is what why how where
  come look listen hey i'm you're we're it's let's that's there's just stop wait your
`);

/** Animals kept as pets and eaten as food: "had the fish" is dinner unless the pet is named. */
export const EDIBLE_PET_KINDS: ReadonlySet<string> = words(
  'fish chicken hen goat pig duck rabbit turkey',
);

/** Last words of a school's name: "goes to Lincoln Elementary" is a pupil, "went to Paris" is not. */
export const SCHOOL_HEADS: ReadonlySet<string> = words(`
  school elementary high middle academy kindergarten preschool college university prep montessori
`);
