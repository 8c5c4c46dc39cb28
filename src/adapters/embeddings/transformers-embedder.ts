import { UpstreamUnavailableError } from '../../domain/errors.js';
import type { Embedder, EmbedderIdentity } from '../../ports/embedder.js';
import {
  importTransformers,
  loadFailure,
  modelIdFor,
  TRANSFORMERS_PACKAGE,
  type TransformersEnv,
} from './transformers-loading.js';

export interface TransformersEmbedderOptions {
  /** A hub id (`sentence-transformers/all-mpnet-base-v2`) or a local model directory. */
  readonly model: string;
  /** Fetch models from the hub when not cached; false by default (nothing downloads at run time). */
  readonly allowRemoteModels?: boolean;
  /** Where hub models are cached (transformers.js `env.cacheDir`). */
  readonly cacheDirectory?: string;
  /** ONNX weights variant; `fp32` (onnx/model.onnx) by default. */
  readonly dtype?: 'fp32' | 'fp16' | 'q8' | 'int8' | 'uint8' | 'q4';
  /** ONNX Runtime intra-op threads; 1 by default for stable speed beside the server. */
  readonly threads?: number;
  /** Texts per forward pass; 16 by default. */
  readonly batchSize?: number;
  /** Module to import instead of the package (tests check the missing-package error with it). */
  readonly moduleSpecifier?: string;
}

/** The part of transformers.js this adapter uses. */
interface TransformersModule {
  env: TransformersEnv;
  pipeline(task: 'feature-extraction', model: string, options: object): Promise<FeatureExtractor>;
}

type FeatureExtractor = (
  texts: string[],
  options: { pooling: 'mean'; normalize: true },
) => Promise<{ tolist(): number[][] }>;

/** transformers.js feature extraction with mean pooling and L2 normalisation, on ONNX Runtime. */
export class TransformersEmbedder implements Embedder {
  readonly #options: TransformersEmbedderOptions;
  #extractor: FeatureExtractor | undefined;
  #loading: Promise<void> | undefined;
  #dimensions = 0;

  constructor(options: TransformersEmbedderOptions) {
    this.#options = options;
  }

  get identity(): EmbedderIdentity {
    return { provider: 'transformers', model: this.#options.model, dimensions: this.#dimensions };
  }

  /** Loads tokenizer and ONNX model (local unless remote models are allowed); idempotent. */
  init(): Promise<void> {
    this.#loading ??= this.#load().catch((error: unknown) => {
      this.#loading = undefined;
      throw error;
    });
    return this.#loading;
  }

  async embed(texts: readonly string[]): Promise<number[][]> {
    await this.init();
    const extractor = this.#extractor as FeatureExtractor;
    const batchSize = this.#options.batchSize ?? 16;
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += batchSize) {
      const batch = texts.slice(start, start + batchSize);
      const output = await extractor(batch, { pooling: 'mean', normalize: true });
      vectors.push(...output.tolist());
    }
    return vectors;
  }

  async #load(): Promise<void> {
    const transformers = await importTransformers<TransformersModule>(
      'EMBEDDING_PROVIDER=transformers',
      this.#options.moduleSpecifier,
    );
    const { env } = transformers;
    const modelId = modelIdFor(env, this.#options);
    const threads = this.#options.threads ?? 1;
    try {
      this.#extractor = await transformers.pipeline('feature-extraction', modelId, {
        dtype: this.#options.dtype ?? 'fp32',
        device: 'cpu',
        session_options: { intraOpNumThreads: threads, interOpNumThreads: 1 },
      });
      const [probe] = (
        await this.#extractor(['dimension probe'], { pooling: 'mean', normalize: true })
      ).tolist();
      this.#dimensions = probe?.length ?? 0;
    } catch (error) {
      throw new UpstreamUnavailableError(loadFailure('embedding', env, this.#options.model), {
        cause: error,
      });
    }
  }
}

export { TRANSFORMERS_PACKAGE };
