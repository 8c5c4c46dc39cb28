import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a tiny BERT-shaped model that transformers.js loads as `feature-extraction`: a WordPiece
 * tokenizer.json and an ONNX graph taking input_ids, attention_mask and token_type_ids and
 * returning last_hidden_state = (word embedding + type embedding) × mask. No download: the ONNX
 * protobuf is encoded here by hand.
 */
export async function writeTinyBertModel(directory: string): Promise<void> {
  const vocabulary = [...SPECIAL_TOKENS, ...WORDS];
  await mkdir(path.join(directory, 'onnx'), { recursive: true });
  await writeFile(path.join(directory, 'config.json'), JSON.stringify(modelConfig(vocabulary)));
  await writeFile(path.join(directory, 'tokenizer_config.json'), JSON.stringify(tokenizerConfig()));
  await writeFile(
    path.join(directory, 'tokenizer.json'),
    JSON.stringify(tokenizerJson(vocabulary)),
  );
  await writeFile(path.join(directory, 'onnx', 'model.onnx'), onnxModel(vocabulary.length));
}

/**
 * Writes a tiny BERT-shaped cross-encoder that transformers.js loads with
 * AutoModelForSequenceClassification: logits = Σ over the passage's tokens (token type 1) of a
 * per-word weight, so "puppy"/"dog"/"adopted" passages score high and "stock market" ones low.
 */
export async function writeTinyCrossEncoder(directory: string): Promise<void> {
  const vocabulary = [...SPECIAL_TOKENS, ...WORDS];
  await mkdir(path.join(directory, 'onnx'), { recursive: true });
  const config = {
    ...modelConfig(vocabulary),
    architectures: ['BertForSequenceClassification'],
    id2label: { 0: 'LABEL_0' },
    label2id: { LABEL_0: 0 },
  };
  await writeFile(path.join(directory, 'config.json'), JSON.stringify(config));
  await writeFile(path.join(directory, 'tokenizer_config.json'), JSON.stringify(tokenizerConfig()));
  await writeFile(
    path.join(directory, 'tokenizer.json'),
    JSON.stringify(tokenizerJson(vocabulary)),
  );
  await writeFile(path.join(directory, 'onnx', 'model.onnx'), classifierModel(vocabulary));
}

export const HIDDEN_SIZE = 32;
const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];
const WORDS = [
  'i',
  'a',
  'the',
  'adopted',
  'got',
  'puppy',
  'dog',
  'stock',
  'market',
  'fell',
  'again',
];
// Words of one topic share most of their vector, so "puppy" and "dog" end up close.
const TOPIC: Record<string, number> = {
  puppy: 1,
  dog: 1,
  adopted: 2,
  got: 2,
  stock: 3,
  market: 3,
  fell: 3,
};

function modelConfig(vocabulary: readonly string[]) {
  return {
    model_type: 'bert',
    architectures: ['BertModel'],
    hidden_size: HIDDEN_SIZE,
    vocab_size: vocabulary.length,
    max_position_embeddings: 128,
    type_vocab_size: 2,
  };
}

function tokenizerConfig() {
  return {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    model_max_length: 128,
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    mask_token: '[MASK]',
  };
}

function tokenizerJson(vocabulary: readonly string[]) {
  const ids = Object.fromEntries(vocabulary.map((token, id) => [token, id]));
  const special = (token: string) => ({ SpecialToken: { id: token, type_id: 0 } });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content, id) => ({
      id,
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [special('[CLS]'), { Sequence: { id: 'A', type_id: 0 } }, special('[SEP]')],
      pair: [
        special('[CLS]'),
        { Sequence: { id: 'A', type_id: 0 } },
        special('[SEP]'),
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: Object.fromEntries(
        ['[CLS]', '[SEP]'].map((token) => [
          token,
          { id: token, ids: [ids[token]], tokens: [token] },
        ]),
      ),
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: ids,
    },
  };
}

/** Deterministic pseudo-random numbers in [-1, 1). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 31 - 1;
  };
}

function embeddingTable(vocabularySize: number): Float32Array {
  const next = random(42);
  const topics = Array.from({ length: 4 }, () => Array.from({ length: HIDDEN_SIZE }, next));
  const vocabulary = [...SPECIAL_TOKENS, ...WORDS];
  const table = new Float32Array(vocabularySize * HIDDEN_SIZE);
  for (let id = 0; id < vocabularySize; id += 1) {
    const topic = topics[TOPIC[vocabulary[id] ?? ''] ?? 0] ?? [];
    const shared = TOPIC[vocabulary[id] ?? ''] ? 1 : 0;
    for (let k = 0; k < HIDDEN_SIZE; k += 1) {
      table[id * HIDDEN_SIZE + k] = shared * (topic[k] ?? 0) + 0.3 * next();
    }
  }
  return table;
}

// --- a minimal protobuf writer, enough for ONNX's ModelProto ---

type Bytes = Uint8Array;

function varint(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return bytes;
}

const concat = (parts: readonly Bytes[]): Bytes => Buffer.concat(parts);
const intField = (field: number, value: number): Bytes =>
  Uint8Array.from([...varint(field << 3), ...varint(value)]);
const bytesField = (field: number, value: Bytes): Bytes =>
  concat([Uint8Array.from([...varint((field << 3) | 2), ...varint(value.length)]), value]);
const stringField = (field: number, value: string): Bytes => bytesField(field, Buffer.from(value));

const FLOAT = 1;
const INT64 = 7;

function tensor(name: string, dims: readonly number[], type: number, raw: Bytes): Bytes {
  return concat([
    ...dims.map((dim) => intField(1, dim)),
    intField(2, type),
    stringField(8, name),
    bytesField(9, raw),
  ]);
}

function valueInfo(name: string, type: number, dims: readonly (number | string)[]): Bytes {
  const dimension = (dim: number | string) =>
    bytesField(1, typeof dim === 'number' ? intField(1, dim) : stringField(2, dim));
  const shape = concat(dims.map(dimension));
  const tensorType = concat([intField(1, type), bytesField(2, shape)]);
  return concat([stringField(1, name), bytesField(2, bytesField(1, tensorType))]);
}

function node(
  op: string,
  inputs: readonly string[],
  output: string,
  attributes: Bytes[] = [],
): Bytes {
  return concat([
    ...inputs.map((input) => stringField(1, input)),
    stringField(2, output),
    stringField(3, `${op}_${output}`),
    stringField(4, op),
    ...attributes.map((attribute) => bytesField(5, attribute)),
  ]);
}

function onnxModel(vocabularySize: number): Bytes {
  const words = embeddingTable(vocabularySize);
  const types = Float32Array.from({ length: 2 * HIDDEN_SIZE }, (_, k) =>
    k < HIDDEN_SIZE ? 0.01 : 0.02,
  );
  const axes = BigInt64Array.from([2n]);
  const castToFloat = concat([stringField(1, 'to'), intField(20, 2), intField(3, FLOAT)]);
  const tokens: (number | string)[] = ['batch', 'sequence'];
  const graph = concat([
    bytesField(1, node('Gather', ['word_embeddings', 'input_ids'], 'words')),
    bytesField(1, node('Gather', ['type_embeddings', 'token_type_ids'], 'types')),
    bytesField(1, node('Add', ['words', 'types'], 'summed')),
    bytesField(1, node('Cast', ['attention_mask'], 'mask_float', [castToFloat])),
    bytesField(1, node('Unsqueeze', ['mask_float', 'mask_axes'], 'mask_3d')),
    bytesField(1, node('Mul', ['summed', 'mask_3d'], 'last_hidden_state')),
    stringField(2, 'tiny_bert'),
    bytesField(
      5,
      tensor('word_embeddings', [vocabularySize, HIDDEN_SIZE], FLOAT, Buffer.from(words.buffer)),
    ),
    bytesField(5, tensor('type_embeddings', [2, HIDDEN_SIZE], FLOAT, Buffer.from(types.buffer))),
    bytesField(5, tensor('mask_axes', [1], INT64, Buffer.from(axes.buffer))),
    bytesField(11, valueInfo('input_ids', INT64, tokens)),
    bytesField(11, valueInfo('attention_mask', INT64, tokens)),
    bytesField(11, valueInfo('token_type_ids', INT64, tokens)),
    bytesField(12, valueInfo('last_hidden_state', FLOAT, [...tokens, HIDDEN_SIZE])),
  ]);
  const opset = concat([stringField(1, ''), intField(2, 13)]);
  return concat([
    intField(1, 8),
    stringField(2, 'engram-test'),
    bytesField(7, graph),
    bytesField(8, opset),
  ]);
}

// Passage words of topic 1 (pets) and 2 (getting) push the logit up, topic 3 (markets) down.
const TOPIC_WEIGHT: Record<number, number> = { 1: 2, 2: 1, 3: -2 };

function classifierModel(vocabulary: readonly string[]): Bytes {
  const weights = Float32Array.from(vocabulary, (word) => TOPIC_WEIGHT[TOPIC[word] ?? 0] ?? 0);
  const castToFloat = concat([stringField(1, 'to'), intField(20, 2), intField(3, FLOAT)]);
  const keepNoDims = concat([stringField(1, 'keepdims'), intField(20, 2), intField(3, 0)]);
  const tokens: (number | string)[] = ['batch', 'sequence'];
  const graph = concat([
    bytesField(1, node('Gather', ['word_weights', 'input_ids'], 'token_scores')),
    bytesField(1, node('Cast', ['token_type_ids'], 'type_float', [castToFloat])),
    bytesField(1, node('Cast', ['attention_mask'], 'mask_float', [castToFloat])),
    bytesField(1, node('Mul', ['type_float', 'mask_float'], 'passage_mask')),
    bytesField(1, node('Unsqueeze', ['passage_mask', 'mask_axes'], 'passage_mask_3d')),
    bytesField(1, node('Mul', ['token_scores', 'passage_mask_3d'], 'masked')),
    bytesField(1, node('ReduceSum', ['masked', 'sum_axes'], 'logits', [keepNoDims])),
    stringField(2, 'tiny_cross_encoder'),
    bytesField(
      5,
      tensor('word_weights', [vocabulary.length, 1], FLOAT, Buffer.from(weights.buffer)),
    ),
    bytesField(5, tensor('mask_axes', [1], INT64, Buffer.from(BigInt64Array.from([2n]).buffer))),
    bytesField(5, tensor('sum_axes', [1], INT64, Buffer.from(BigInt64Array.from([1n]).buffer))),
    bytesField(11, valueInfo('input_ids', INT64, tokens)),
    bytesField(11, valueInfo('attention_mask', INT64, tokens)),
    bytesField(11, valueInfo('token_type_ids', INT64, tokens)),
    bytesField(12, valueInfo('logits', FLOAT, ['batch', 1])),
  ]);
  const opset = concat([stringField(1, ''), intField(2, 13)]);
  return concat([
    intField(1, 8),
    stringField(2, 'engram-test'),
    bytesField(7, graph),
    bytesField(8, opset),
  ]);
}
