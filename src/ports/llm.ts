export interface LlmMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

export interface LlmRequest {
  readonly messages: readonly LlmMessage[];
  /** Ask the model for a JSON object (providers that support it enforce it). */
  readonly json?: boolean;
  readonly temperature?: number;
  readonly maxTokens?: number;
}

export interface LlmResponse {
  readonly text: string;
  readonly usage: { readonly promptTokens: number; readonly completionTokens: number };
}

/** A chat model. Adapters retry transient failures and throw UpstreamUnavailableError. */
export interface Llm {
  /** Model name, for logs and metrics. */
  readonly model: string;
  /** One chat completion. */
  complete(request: LlmRequest): Promise<LlmResponse>;
}
