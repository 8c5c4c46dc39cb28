import { wordGroups } from './word-list.js';

/**
 * The animals people keep, grouped by the word they would ask with: "my bird" is the parakeet,
 * "our dog" the puppy. Singular and plural.
 */
const KINDS = wordGroups({
  dog: 'dog dogs puppy puppies pup pups doggo doggy pupper',
  cat: 'cat cats kitten kittens kitty',
  bird: 'bird birds parrot parrots parakeet parakeets budgie budgies cockatiel cockatiels canary canaries',
  fish: 'fish goldfish betta',
  rabbit: 'rabbit rabbits bunny bunnies',
  rodent: 'hamster hamsters gerbil gerbils guinea_pig guinea_pigs mouse mice rat rats chinchilla',
  reptile: 'turtle turtles tortoise snake snakes lizard lizards gecko geckos iguana',
  horse: 'horse horses pony ponies',
});

/** The kind of animal a word names ("parakeet" → bird, "puppies" → dog), or undefined. */
export function animalKindOf(word: string): string | undefined {
  return KINDS.get(word.toLowerCase());
}

/** Every word that names a kept animal, for question cues. */
export function animalWords(): string[] {
  return [...KINDS.keys()].filter((word) => !word.includes(' '));
}
