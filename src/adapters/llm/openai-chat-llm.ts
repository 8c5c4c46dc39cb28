import type { Llm, LlmRequest, LlmResponse } from '../../ports/llm.js';
import type { LlmHttpOptions } from './llm-http-options.js';
import { LlmHttpTransport } from './llm-http-transport.js';

interface ChatCompletion {
  readonly choices?: readonly { readonly message?: { readonly content?: unknown } }[];
  readonly usage?: { readonly prompt_tokens?: unknown; readonly completion_tokens?: unknown };
}

/**
 * An OpenAI-compatible chat-completions server (OpenAI, vLLM, LM Studio, Ollama's `/v1`).
 * `baseUrl` is the API root, e.g. `https://api.openai.com/v1` or `http://localhost:11434/v1`;
 * a bare origin such as `http://localhost:11434` gets `/v1` appended.
 */
export class OpenAiChatLlm implements Llm {
  readonly model: string;
  readonly #url: string;
  readonly #transport: LlmHttpTransport;
  readonly #onUsage: LlmHttpOptions['onUsage'];

  constructor(options: LlmHttpOptions) {
    this.model = options.model;
    this.#url = `${openAiApiRoot(options.baseUrl)}/chat/completions`;
    this.#transport = new LlmHttpTransport('openai', options);
    this.#onUsage = options.onUsage;
  }

  /** One chat completion; `json` asks for `response_format: {type: 'json_object'}`. */
  async complete(request: LlmRequest): Promise<LlmResponse> {
    const body = (await this.#transport.postJson(this.#url, {
      model: this.model,
      messages: request.messages,
      stream: false,
      ...(request.json ? { response_format: { type: 'json_object' } } : {}),
      ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
      ...(request.maxTokens === undefined ? {} : { max_tokens: request.maxTokens }),
    })) as ChatCompletion | null;
    const content = body?.choices?.[0]?.message?.content;
    if (typeof content !== 'string') {
      throw this.#transport.invalidResponse('answer has no choices[0].message.content');
    }
    const usage = {
      promptTokens: count(body?.usage?.prompt_tokens),
      completionTokens: count(body?.usage?.completion_tokens),
    };
    this.#onUsage?.(usage);
    return { text: content, usage };
  }
}

/** The API root: trailing slashes dropped; a bare origin gets `/v1`. */
function openAiApiRoot(baseUrl: string): string {
  const url = new URL(baseUrl);
  const path = url.pathname.replace(/\/+$/, '');
  url.pathname = path === '' ? '/v1' : path;
  return url.toString().replace(/\/+$/, '');
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
