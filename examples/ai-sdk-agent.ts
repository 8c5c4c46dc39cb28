// An AI SDK (ai@6) agent with Engram memory tools. Run `npm start`, then `npm run example:agent`.
// No LLM is reachable here, so the model is the AI SDK's own MockLanguageModelV3 scripted to do
// what a real model does with these tools: store a fact, then search before answering. Swap in
// any provider (`openai('gpt-4o-mini')`, an Ollama provider, …) for `model` and drop the script.
import { generateText, stepCountIs } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { engramTools, withMemories } from 'engram-ai-sdk';
import { EngramClient } from 'engram-client';

const engram = new EngramClient({
  baseUrl: process.env['ENGRAM_URL'] ?? 'http://127.0.0.1:8000',
  apiKey: process.env['ENGRAM_API_KEY'],
});
const userId = process.env['ENGRAM_USER_ID'] ?? 'example-user';
const tools = engramTools({ client: engram, userId, sessionId: 'example-agent' });

const usage = {
  inputTokens: { total: 0, noCache: 0, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 0, text: 0, reasoning: undefined },
};
const callTool = (toolName: string, input: object) => ({
  content: [
    { type: 'tool-call' as const, toolCallId: toolName, toolName, input: JSON.stringify(input) },
  ],
  finishReason: { unified: 'tool-calls' as const, raw: undefined },
  usage,
  warnings: [],
});
const answer = (text: string) => ({
  content: [{ type: 'text' as const, text }],
  finishReason: { unified: 'stop' as const, raw: undefined },
  usage,
  warnings: [],
});
const model = new MockLanguageModelV3({
  doGenerate: [
    callTool('addMemory', { content: 'My daughter Ana starts school in Porto in September.' }),
    callTool('searchMemory', { query: 'Where does Ana go to school?' }),
    answer('Ana starts school in Porto in September.'),
  ],
});

const question =
  'Remember that my daughter Ana starts school in Porto in September. Where will she go to school?';
const system = await withMemories({
  client: engram,
  userId,
  query: question,
  system: 'You are a helpful assistant.',
});
const result = await generateText({
  model,
  system,
  tools,
  stopWhen: stepCountIs(5),
  prompt: question,
});
for (const [index, { toolResults }] of result.steps.entries()) {
  for (const toolResult of toolResults)
    process.stdout.write(
      `step ${index + 1}: ${toolResult.toolName} → ${JSON.stringify(toolResult.output)}\n`,
    );
}
process.stdout.write(`answer: ${result.text}\n`);
