import type { ChatPerson } from './chat-script.js';
import { diego } from './diego.js';
import { grace } from './grace.js';
import { nadia } from './nadia.js';
import { sam } from './sam.js';

/** Everyone in the chat bench, each their own user. */
export const CHAT_PEOPLE: readonly ChatPerson[] = [sam, nadia, diego, grace];
