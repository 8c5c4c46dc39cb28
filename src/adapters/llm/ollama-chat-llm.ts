import type { Llm, LlmRequest, LlmResponse } from '../../ports/llm.js';
import type { LlmHttpOptions } from './llm-http-options.js';
import { LlmHttpTransport } from './llm-http-transport.js';

interface OllamaChat {
  readonly message?: { readonly content?: unknown };
  readonly prompt_eval_count?: unknown;
  readonly eval_count?: unknown;
}

/**
 * Ollama's native `POST /api/chat` (non-streaming). `baseUrl` is the server origin, e.g.
 * `http://localhost:11434`; a trailing `/v1` (the OpenAI-compatible root) is dropped.
 */
export class OllamaChatLlm implements Llm {
  readonly model: string;
  readonly #url: string;
  readonly #transport: LlmHttpTransport;
  readonly #onUsage: LlmHttpOptions['onUsage'];

  constructor(options: LlmHttpOptions) {
    this.model = options.model;
    this.#url = `${ollamaRoot(options.baseUrl)}/api/chat`;
    this.#transport = new LlmHttpTransport('ollama', options);
    this.#onUsage = options.onUsage;
  }

  /** One chat completion; `json` sends `format: 'json'`. */
  async complete(request: LlmRequest): Promise<LlmResponse> {
    const options = {
      ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
      ...(request.maxTokens === undefined ? {} : { num_predict: request.maxTokens }),
    };
    const body = (await this.#transport.postJson(this.#url, {
      model: this.model,
      messages: request.messages,
      stream: false,
      ...(request.json ? { format: 'json' } : {}),
      ...(Object.keys(options).length > 0 ? { options } : {}),
    })) as OllamaChat | null;
    const content = body?.message?.content;
    if (typeof content !== 'string') {
      throw this.#transport.invalidResponse('answer has no message.content');
    }
    const usage = {
      promptTokens: count(body?.prompt_eval_count),
      completionTokens: count(body?.eval_count),
    };
    this.#onUsage?.(usage);
    return { text: content, usage };
  }
}

/** The server origin plus any path prefix, without trailing slashes or a final `/v1`. */
function ollamaRoot(baseUrl: string): string {
  const url = new URL(baseUrl);
  url.pathname = url.pathname.replace(/\/+$/, '').replace(/\/v1$/, '');
  return url.toString().replace(/\/+$/, '');
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
