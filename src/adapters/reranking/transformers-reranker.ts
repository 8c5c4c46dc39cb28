import { UpstreamUnavailableError } from '../../domain/errors.js';
import type { Reranker } from '../../ports/reranker.js';
import {
  importTransformers,
  loadFailure,
  modelIdFor,
  TRANSFORMERS_PACKAGE,
  type TransformersEnv,
} from '../embeddings/transformers-loading.js';

export interface TransformersRerankerOptions {
  /** A local cross-encoder directory (e.g. a converted `cross-encoder/ms-marco-MiniLM-L-6-v2`) or a cached hub id. */
  readonly model: string;
  /** Fetch models from the hub when not cached; false by default (nothing downloads at run time). */
  readonly allowRemoteModels?: boolean;
  /** Where hub models are cached (transformers.js `env.cacheDir`). */
  readonly cacheDirectory?: string;
  /** ONNX Runtime intra-op threads; 1 by default. */
  readonly threads?: number;
  /** Pairs per forward pass; 16 by default. */
  readonly batchSize?: number;
  /** Module to import instead of the package (tests check the missing-package error with it). */
  readonly moduleSpecifier?: string;
}

interface Tensor {
  tolist(): number[][];
}
type Tokenizer = (
  texts: string[],
  options: { text_pair: string[]; padding: true; truncation: true },
) => Record<string, unknown>;
type Classifier = (inputs: Record<string, unknown>) => Promise<{ logits: Tensor }>;

/** The part of transformers.js this adapter uses. */
interface TransformersModule {
  env: TransformersEnv;
  AutoTokenizer: { from_pretrained(model: string): Promise<Tokenizer> };
  AutoModelForSequenceClassification: {
    from_pretrained(model: string, options: object): Promise<Classifier>;
  };
}

/** A transformers.js sequence-classification model over (query, passage) pairs; relevance = sigmoid of the first logit. */
export class TransformersReranker implements Reranker {
  readonly #options: TransformersRerankerOptions;
  #model: { tokenizer: Tokenizer; classifier: Classifier } | undefined;
  #loading: Promise<void> | undefined;

  constructor(options: TransformersRerankerOptions) {
    this.#options = options;
  }

  /** Loads tokenizer and ONNX model (local unless remote models are allowed); idempotent. */
  init(): Promise<void> {
    this.#loading ??= this.#load().catch((error: unknown) => {
      this.#loading = undefined;
      throw error;
    });
    return this.#loading;
  }

  async score(query: string, passages: readonly string[]): Promise<number[]> {
    await this.init();
    const { tokenizer, classifier } = this.#model as {
      tokenizer: Tokenizer;
      classifier: Classifier;
    };
    const batchSize = this.#options.batchSize ?? 16;
    const scores: number[] = [];
    for (let start = 0; start < passages.length; start += batchSize) {
      const batch = passages.slice(start, start + batchSize);
      const inputs = tokenizer(
        batch.map(() => query),
        { text_pair: [...batch], padding: true, truncation: true },
      );
      const { logits } = await classifier(inputs);
      scores.push(...logits.tolist().map((row) => 1 / (1 + Math.exp(-(row[0] ?? 0)))));
    }
    return scores;
  }

  async #load(): Promise<void> {
    const transformers = await importTransformers<TransformersModule>(
      'RERANKER_MODEL',
      this.#options.moduleSpecifier,
    );
    const { env } = transformers;
    const modelId = modelIdFor(env, this.#options);
    const threads = this.#options.threads ?? 1;
    try {
      const tokenizer = await transformers.AutoTokenizer.from_pretrained(modelId);
      const classifier = await transformers.AutoModelForSequenceClassification.from_pretrained(
        modelId,
        {
          dtype: 'fp32',
          device: 'cpu',
          session_options: { intraOpNumThreads: threads, interOpNumThreads: 1 },
        },
      );
      this.#model = { tokenizer, classifier };
    } catch (error) {
      throw new UpstreamUnavailableError(loadFailure('reranker', env, this.#options.model), {
        cause: error,
      });
    }
  }
}

export { TRANSFORMERS_PACKAGE };
