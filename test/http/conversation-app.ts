import { OllamaChatLlm } from '../../src/adapters/llm/ollama-chat-llm.js';
import { OpenAiChatLlm } from '../../src/adapters/llm/openai-chat-llm.js';
import { type App, buildApp } from '../../src/http/build-app.js';
import type { Llm } from '../../src/ports/llm.js';
import { type TestApp, testEmbedder } from '../support/test-app.js';
import { testServices } from '../support/test-services.js';

export interface FakeLlmOptions {
  readonly provider?: 'openai' | 'ollama';
  readonly timeoutMs?: number;
}

/** A real HTTP chat adapter pointed at the fake LLM server (retries without waiting). */
export function fakeLlm(serverUrl: string, options: FakeLlmOptions = {}): Llm {
  const common = {
    model: 'fake-model',
    timeoutMs: options.timeoutMs ?? 5_000,
    maxRetries: 1,
    sleep: async () => {},
  };
  return options.provider === 'ollama'
    ? new OllamaChatLlm({ ...common, baseUrl: serverUrl })
    : new OpenAiChatLlm({ ...common, baseUrl: `${serverUrl}/v1` });
}

/**
 * The whole app on the test app's real services (PGlite, Chroma, GloVe, rules extractor) plus
 * conversations, chat and summaries, with `llm` or without an LLM.
 */
export async function buildConversationApp(t: TestApp, llm?: Llm): Promise<App> {
  const services = testServices(t.database, {
    store: t.store,
    vectors: t.vectors,
    embedder: await testEmbedder(),
    llm,
  });
  return buildApp({ ...services, metrics: t.metrics });
}
