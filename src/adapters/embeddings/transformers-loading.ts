import { existsSync } from 'node:fs';
import path from 'node:path';
import { UpstreamUnavailableError } from '../../domain/errors.js';

/** The optional package: install with `ONNXRUNTIME_NODE_INSTALL_CUDA=skip npm install`. */
export const TRANSFORMERS_PACKAGE = '@huggingface/transformers';

/** The part of transformers.js `env` that says where models come from. */
export interface TransformersEnv {
  allowRemoteModels: boolean;
  allowLocalModels: boolean;
  localModelPath: string;
  cacheDir: string | null;
}

/** Where a model is read from: a local directory or a cached hub id. */
export interface ModelSource {
  readonly model: string;
  /** Fetch models from the hub when not cached; false by default (nothing downloads at run time). */
  readonly allowRemoteModels?: boolean;
  /** Where hub models are cached (transformers.js `env.cacheDir`). */
  readonly cacheDirectory?: string;
}

/**
 * Imports transformers.js (or `specifier`, for tests); a missing package is
 * `upstream_unavailable` telling which setting needs it and how to install it.
 */
export async function importTransformers<T>(
  setting: string,
  specifier: string = TRANSFORMERS_PACKAGE,
): Promise<T> {
  try {
    return (await import(specifier)) as T;
  } catch (error) {
    throw new UpstreamUnavailableError(
      `${setting} needs the optional package ${TRANSFORMERS_PACKAGE}; install it with \`ONNXRUNTIME_NODE_INSTALL_CUDA=skip npm install ${TRANSFORMERS_PACKAGE}\``,
      { cause: error },
    );
  }
}

/**
 * Points transformers.js at the model: remote fetching off unless asked, the cache directory,
 * and a local model directory as its parent plus name. Returns the id to load.
 */
export function modelIdFor(env: TransformersEnv, source: ModelSource): string {
  env.allowRemoteModels = source.allowRemoteModels ?? false;
  if (source.cacheDirectory) env.cacheDir = source.cacheDirectory;
  if (!existsSync(source.model)) return source.model;
  const directory = path.resolve(source.model);
  env.allowLocalModels = true;
  env.localModelPath = `${path.dirname(directory)}${path.sep}`;
  return path.basename(directory);
}

/** The load failure's message: which model, and why remote models may be the reason. */
export function loadFailure(kind: string, env: TransformersEnv, model: string): string {
  return `could not load ${kind} model ${model}${env.allowRemoteModels ? '' : ' (remote models are off: give a local directory or a cached hub id)'}`;
}
