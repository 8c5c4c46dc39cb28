// A minimal chat loop that stores and recalls with engram-client. Run `npm start` in one
// terminal, then `npm run example:chat` (or pipe lines in: `echo "..." | npm run example:chat`).
// Each line is stored (when it says something durable) and answered with what Engram recalls.
import { createInterface } from 'node:readline/promises';
import { EngramClient } from 'engram-client';

const engram = new EngramClient({
  baseUrl: process.env['ENGRAM_URL'] ?? 'http://127.0.0.1:8000',
  apiKey: process.env['ENGRAM_API_KEY'],
});
const userId = process.env['ENGRAM_USER_ID'] ?? 'example-user';
const lines = createInterface({ input: process.stdin, output: process.stdout, terminal: false });

process.stdout.write(`Talking to Engram as ${userId}. Tell me things, ask me things.\n`);
for await (const line of lines) {
  const text = line.trim();
  if (!text) continue;
  // /chat stores the message (unless it is a greeting or a bare question) and recalls memories;
  // with LLM_BASE_URL set on the server it also answers.
  const turn = await engram.chat({ message: text, user_id: userId, session_id: 'example-chat' });
  process.stdout.write(`> ${text}\n`);
  if (turn.response) process.stdout.write(`assistant: ${turn.response}\n`);
  for (const { memory, score, entities } of turn.memories.slice(0, 3)) {
    const names = entities.map((entity) => entity.text).join(', ');
    process.stdout.write(
      `  recalled ${score.toFixed(2)}: ${memory.content}${names ? ` [${names}]` : ''}\n`,
    );
  }
  if (turn.memory_id) process.stdout.write('  (stored)\n');
}
