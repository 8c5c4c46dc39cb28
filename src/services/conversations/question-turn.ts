import { splitSentences } from '../../domain/sentences.js';
import { fillerReason } from './filler-turn.js';

const WH_WORDS = new Set('what where when who whom whose why how which'.split(' '));
const AUXILIARIES = new Set(
  `do does did is are was were am can could will would should shall have has had may might must
  isnt arent wasnt werent dont doesnt didnt cant couldnt wont wouldnt shouldnt`.split(/\s+/),
);
const PRONOUNS = new Set('i you he she we they'.split(' '));
const SUBJECTS = new Set([
  ...PRONOUNS,
  ...'it my your his her our their the this that there'.split(' '),
]);

/**
 * Asking to keep something ("remember: …", "note that …") or embedding a statement about oneself
 * ("… that I …") says something; asking whether something is remembered ("do you remember who
 * I'm engaged to?") does not.
 */
const STATES_SOMETHING =
  /^(please |oh and |also |and )?(remember|note|keep in mind|fyi|for the record|just so you know)\b|\b(that|because|since) (i|im|i'm|my|we|our)\b/i;

/**
 * True when every sentence of a turn only asks ("Where does my sister live now?", "do I own a
 * boat"): a question states nothing to remember, and stored it would rank first for itself.
 */
export function isOnlyQuestion(text: string): boolean {
  const sentences = splitSentences(text).map((sentence) => sentence.text.trim());
  if (sentences.length === 0 || sentences.some((sentence) => STATES_SOMETHING.test(sentence)))
    return false;
  return sentences.every(isQuestion);
}

function isQuestion(sentence: string): boolean {
  if (sentence.endsWith('?')) return true;
  if (/[.!]$/.test(sentence)) return false;
  // Unpunctuated chat: "where does she live" and "do I own a boat" ask; "where I grew up" and
  // "will do that tomorrow" do not.
  const words =
    sentence
      .toLowerCase()
      .replace(/['’]/g, '')
      .match(/\p{L}+/gu) ?? [];
  const [first = '', second = ''] = words;
  if (WH_WORDS.has(first)) return !PRONOUNS.has(second);
  return AUXILIARIES.has(first) && SUBJECTS.has(second);
}

/** Why a turn is not worth storing as a memory by rule (filler, greeting, bare question), if it is not. */
export function unstorableReason(text: string): 'empty' | 'filler' | 'question' | undefined {
  return fillerReason(text) ?? (isOnlyQuestion(text) ? 'question' : undefined);
}
