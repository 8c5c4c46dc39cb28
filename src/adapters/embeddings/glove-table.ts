import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

const MAGIC = 0x564c4745; // "EGLV" little-endian
const VERSION = 1;
const HEADER_BYTES = 32;

/** Progress of the one-time conversion: which phase, and how far through it (0–1). */
export interface GloveProgress {
  readonly phase: 'reading' | 'parsing' | 'writing' | 'done';
  readonly fraction: number;
}

/** Word vectors in GloVe rank order (most frequent first), int8 with one scale per word. */
export interface GloveTable {
  readonly dimensions: number;
  readonly words: readonly string[];
  /** `vectors[rank * dimensions + k] * scales[rank]` is component k of the word's vector. */
  readonly vectors: Int8Array;
  readonly scales: Float32Array;
  /** Size in bytes of the JSON it was converted from (a changed source invalidates the cache). */
  readonly sourceBytes: number;
}

interface WinkEmbeddings {
  readonly dimensions: number;
  readonly words: readonly string[];
  readonly vectors: Readonly<Record<string, readonly number[]>>;
}

/** Parses the wink embeddings JSON (`{dimensions, words, vectors: {word: [...]}}`) into a table. */
export async function convertGloveJson(
  source: string,
  onProgress: (progress: GloveProgress) => void = () => {},
): Promise<GloveTable> {
  const { size } = await stat(source);
  const chunks: Buffer[] = [];
  let read = 0;
  for await (const chunk of createReadStream(source, { highWaterMark: 4 << 20 })) {
    chunks.push(chunk as Buffer);
    read += (chunk as Buffer).length;
    onProgress({ phase: 'reading', fraction: read / size });
  }
  onProgress({ phase: 'parsing', fraction: 0 });
  const json = JSON.parse(Buffer.concat(chunks).toString('utf8')) as WinkEmbeddings;
  chunks.length = 0;
  onProgress({ phase: 'parsing', fraction: 1 });
  return quantize(json, size);
}

function quantize(json: WinkEmbeddings, sourceBytes: number): GloveTable {
  const { dimensions, words } = json;
  const vectors = new Int8Array(words.length * dimensions);
  const scales = new Float32Array(words.length);
  words.forEach((word, rank) => {
    const vector = json.vectors[word] ?? [];
    let largest = 0;
    for (let k = 0; k < dimensions; k += 1) largest = Math.max(largest, Math.abs(vector[k] ?? 0));
    const scale = largest / 127 || 1;
    scales[rank] = scale;
    for (let k = 0; k < dimensions; k += 1) {
      vectors[rank * dimensions + k] = Math.round((vector[k] ?? 0) / scale);
    }
  });
  return { dimensions, words, vectors, scales, sourceBytes };
}

/** Writes the table atomically (temporary file, then rename). */
export async function writeGloveTable(file: string, table: GloveTable): Promise<void> {
  const words = Buffer.from(table.words.join('\n'), 'utf8');
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32LE(MAGIC, 0);
  header.writeUInt32LE(VERSION, 4);
  header.writeUInt32LE(table.words.length, 8);
  header.writeUInt32LE(table.dimensions, 12);
  header.writeUInt32LE(words.length, 16);
  header.writeDoubleLE(table.sourceBytes, 24);
  const body = [
    header,
    Buffer.from(table.scales.buffer, table.scales.byteOffset, table.scales.byteLength),
    Buffer.from(table.vectors.buffer, table.vectors.byteOffset, table.vectors.byteLength),
    words,
  ];
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temporary, body);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Reads a table written by `writeGloveTable`; undefined when the file is missing or not one. */
export async function readGloveTable(file: string): Promise<GloveTable | undefined> {
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch {
    return undefined;
  }
  if (data.length < HEADER_BYTES || data.readUInt32LE(0) !== MAGIC) return undefined;
  if (data.readUInt32LE(4) !== VERSION) return undefined;
  const count = data.readUInt32LE(8);
  const dimensions = data.readUInt32LE(12);
  const wordsBytes = data.readUInt32LE(16);
  const scalesStart = HEADER_BYTES;
  const vectorsStart = scalesStart + count * 4;
  const wordsStart = vectorsStart + count * dimensions;
  if (data.length !== wordsStart + wordsBytes) return undefined;
  // Copy into fresh, aligned arrays: the file buffer may sit at any offset of a pooled buffer.
  const scales = new Float32Array(count);
  Buffer.from(scales.buffer).set(data.subarray(scalesStart, vectorsStart));
  const vectors = new Int8Array(count * dimensions);
  Buffer.from(vectors.buffer).set(data.subarray(vectorsStart, wordsStart));
  const words = data.toString('utf8', wordsStart).split('\n');
  if (words.length !== count) return undefined;
  return { dimensions, words, vectors, scales, sourceBytes: data.readDoubleLE(24) };
}
