/** Deterministic pseudo-random numbers in [0, 1) (LCG), so every run ingests the same text. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const FIRST =
  'Sarah Tom Maria David Priya Kenji Fatima Lucas Emma Omar Chloe Daniel Aisha Mateo Olivia Ravi Hannah Noah Leila Ethan Sofia Marcus Yuki Grace Andre Nina Samuel Elena Jamal Zoe'.split(
    ' ',
  );
const LAST =
  'Lee Baker Garcia Chen Patel Tanaka Khan Silva Brown Haddad Martin Nguyen Rossi Kowalski Okafor Schmidt Dubois Novak Walsh Ortiz'.split(
    ' ',
  );
const CITIES =
  'Lisbon Berlin Toronto Nairobi Seattle Austin Boston Denver Madrid Dublin Tokyo Sydney Chicago Paris Vancouver Portland Amsterdam Oslo Mumbai Chennai'.split(
    ' ',
  );
const PLACES = [
  'Blue Bottle',
  'the farmers market',
  'Central Park',
  'the climbing gym',
  'Union Station',
  'the public library',
  "Joe's Diner",
  'the yoga studio',
];
const ORGS = [
  'Microsoft',
  'Google',
  'Amazon',
  'Spotify',
  'Pfizer',
  'Deloitte',
  'Tesla',
  'Airbnb',
  'Shopify',
  'Siemens',
  'Stripe',
  'Red Cross',
  "Boston Children's Hospital",
  'Acme Corp',
];
const TOPICS = [
  'the marathon',
  'the wedding',
  'the kitchen renovation',
  'the quarterly report',
  'the new puppy',
  'the garden',
  'the piano lessons',
  'the tax return',
  'the road trip',
  'the book club',
  'the hackathon',
  'the move',
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'March', 'May', 'June', 'August', 'October', 'December'];
const RELATIONS = ['sister', 'brother', 'cousin', 'friend', 'manager', 'neighbor', 'colleague'];

type Cast = { readonly people: string[]; readonly cities: string[]; readonly orgs: string[] };
type Slots = {
  person: string;
  other: string;
  first: string;
  city: string;
  place: string;
  org: string;
  topic: string;
  day: string;
  month: string;
  relation: string;
  hour: number;
};

const STATEMENTS: ReadonlyArray<(s: Slots) => string> = [
  (s) => `I had lunch with ${s.person} at ${s.place} on ${s.day}.`,
  (s) => `My ${s.relation} ${s.first} just moved to ${s.city} for a job at ${s.org}.`,
  (s) => `${s.person} started working at ${s.org} last ${s.day} and loves it so far.`,
  (s) => `We're planning a trip to ${s.city} in ${s.month} with ${s.other}.`,
  (s) => `Remind me to call ${s.person} about ${s.topic} at ${s.hour} o'clock.`,
  (s) => `${s.person} works for ${s.org} in ${s.city}, I think she manages ${s.topic}.`,
  (s) => `${s.other} recommended a great book about ${s.topic} when we met in ${s.city}.`,
  (s) => `My manager at ${s.org} wants an update on ${s.topic} by ${s.day}.`,
  (s) => `Ran into ${s.person} at ${s.place} this morning, we talked about ${s.topic} for an hour.`,
  (s) => `${s.first} and I are going to ${s.city} in ${s.month} to see her parents.`,
  (s) => `I can't believe ${s.person} left ${s.org}! She is moving back to ${s.city}.`,
  (s) =>
    `Honestly ${s.topic} has been stressing me out since ${s.month}, ${s.first} keeps asking about it.`,
];

const FOLLOW_UPS: ReadonlyArray<(s: Slots) => string> = [
  () => '',
  (s) => ` ${s.other} says hi, by the way.`,
  (s) => ` Should I tell ${s.other}?`,
  (s) => ` Anyway, ${s.topic} is next on my list.`,
  (s) => ` It's been a long ${s.day}.`,
  (s) => ` I'll probably see ${s.other} in ${s.city} in ${s.month}.`,
  (s) => ` Not sure how ${s.first} feels about it.`,
  (s) => ` Let's talk about it at ${s.hour}.`,
];

const QUESTIONS: ReadonlyArray<(s: Slots) => string> = [
  (s) => `Where does ${s.person} work?`,
  (s) => `When am I going to ${s.city}?`,
  (s) => `Who did I meet at ${s.place}?`,
  (s) => `What did ${s.other} recommend?`,
  (s) => `Who works at ${s.org}?`,
  (s) => `What is going on with ${s.topic}?`,
  (s) => `Where did my ${s.relation} move?`,
];

/** One chat memory of a user (`user_id`, text) in a ~100-user population, each user with their own people, cities and employers. */
export interface ChatMemory {
  readonly userId: string;
  readonly content: string;
}

/** Generates realistic chat statements and questions for `users` users from templates. */
export class ChatGenerator {
  readonly #random: () => number;
  readonly #casts: Cast[];

  constructor(
    readonly users = 100,
    seed = 42,
  ) {
    this.#random = seededRandom(seed);
    this.#casts = Array.from({ length: users }, () => ({
      people: Array.from({ length: 8 }, () => `${this.#pick(FIRST)} ${this.#pick(LAST)}`),
      cities: Array.from({ length: 4 }, () => this.#pick(CITIES)),
      orgs: Array.from({ length: 3 }, () => this.#pick(ORGS)),
    }));
  }

  /** The `index`-th memory: users take turns, so every batch spans many users. */
  memory(index: number): ChatMemory {
    const user = index % this.users;
    const slots = this.#slots(user);
    const content = this.#pick(STATEMENTS)(slots) + this.#pick(FOLLOW_UPS)(slots);
    return { userId: `user-${user}`, content };
  }

  /** A question one user might ask about their own memories. */
  question(): ChatMemory {
    const user = Math.floor(this.#random() * this.users);
    return { userId: `user-${user}`, content: this.#pick(QUESTIONS)(this.#slots(user)) };
  }

  #slots(user: number): Slots {
    const cast = this.#casts[user] as Cast;
    const person = this.#pick(cast.people);
    return {
      person,
      other: this.#pick(cast.people),
      first: person.split(' ')[0] as string,
      city: this.#pick(cast.cities),
      place: this.#pick(PLACES),
      org: this.#pick(cast.orgs),
      topic: this.#pick(TOPICS),
      day: this.#pick(DAYS),
      month: this.#pick(MONTHS),
      relation: this.#pick(RELATIONS),
      hour: 1 + Math.floor(this.#random() * 12),
    };
  }

  #pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.#random() * values.length)] as T;
  }
}
