import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bf16ToF32, f16ToF32 } from './float-conversion';
import { parseSafetensorsHeader, safetensorsHeaderLength, type TensorEntry } from '@mixed-r1/records';

/** The input embedding table is the first tensor whose name ends with this (HF naming). */
export const EMBEDDING_TENSOR_SUFFIX = 'embed_tokens.weight';
export const EMBEDDING_DTYPES = ['F32', 'F16', 'BF16'] as const;
export type EmbeddingDtype = (typeof EMBEDDING_DTYPES)[number];

/** A vocabSize x hiddenSize table of float32 rows, one per token id. */
export interface EmbeddingTable {
  readonly vocabSize: number;
  readonly hiddenSize: number;
  /** Row `id` as float32, written into `out` (length >= hiddenSize) when given. */
  readRow(id: number, out?: Float32Array): Float32Array;
}

const SINGLE_FILE = 'model.safetensors';
const INDEX_FILE = 'model.safetensors.index.json';
const ELEMENT_BYTES: Record<EmbeddingDtype, number> = { F32: 4, F16: 2, BF16: 2 };

/** Row decoders: little-endian bytes of `count` elements -> float32, one per dtype. */
const DECODE_ROW: Record<EmbeddingDtype, (bytes: ArrayBuffer, out: Float32Array, count: number) => void> = {
  F32: (bytes, out, count) => out.set(new Float32Array(bytes, 0, count)),
  F16: (bytes, out, count) => f16ToF32(new Uint16Array(bytes), out, count),
  BF16: (bytes, out, count) => bf16ToF32(new Uint16Array(bytes), out, count),
};

function listSome(names: readonly string[]): string {
  const shown = names.slice(0, 5).map((n) => `"${n}"`);
  return names.length > 5 ? `${shown.join(', ')}, ... (${names.length} in all)` : shown.join(', ') || '(none)';
}

/** The shard holding the embedding tensor, from an index's `weight_map` (in its order). */
function fromIndex(dir: string): { file: string; tensorName: string } {
  const indexFile = path.join(dir, INDEX_FILE);
  let weightMap: unknown;
  try {
    weightMap = (JSON.parse(fs.readFileSync(indexFile, 'utf8')) as { weight_map?: unknown }).weight_map;
  } catch (error) {
    throw new Error(`${indexFile}: cannot read the safetensors index: ${(error as Error).message}`);
  }
  if (typeof weightMap !== 'object' || weightMap === null || Array.isArray(weightMap)) {
    throw new Error(`${indexFile}: expected a "weight_map" object of tensor name -> shard file`);
  }
  const entries = Object.entries(weightMap as Record<string, unknown>);
  const found = entries.find(([name]) => name.endsWith(EMBEDDING_TENSOR_SUFFIX));
  if (!found) {
    throw new Error(
      `${indexFile}: no tensor named *${EMBEDDING_TENSOR_SUFFIX} in weight_map; tensors: ${listSome(entries.map(([n]) => n))}`,
    );
  }
  const [tensorName, shard] = found;
  if (typeof shard !== 'string' || shard.includes('/') || shard.includes('\\')) {
    throw new Error(`${indexFile}: weight_map["${tensorName}"] is ${JSON.stringify(shard)}, expected a file name`);
  }
  return { file: path.join(dir, shard), tensorName };
}

/**
 * Which file to open for `location`: the file itself; in a folder `model.safetensors`, else the
 * shard named by `model.safetensors.index.json`, else the folder's only `*.safetensors`.
 */
export function locateEmbeddingFile(location: string): { file: string; tensorName?: string } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(location);
  } catch (error) {
    throw new Error(`${location}: cannot open the embeddings file or folder (${(error as NodeJS.ErrnoException).code})`);
  }
  if (stat.isFile()) return { file: location };
  if (fs.existsSync(path.join(location, SINGLE_FILE))) return { file: path.join(location, SINGLE_FILE) };
  if (fs.existsSync(path.join(location, INDEX_FILE))) return fromIndex(location);
  const candidates = fs.readdirSync(location).filter((name) => name.endsWith('.safetensors')).sort();
  if (candidates.length === 1) return { file: path.join(location, candidates[0]) };
  if (candidates.length === 0) throw new Error(`${location}: no .safetensors file in this folder`);
  throw new Error(
    `${location}: ${candidates.length} .safetensors files (${listSome(candidates)}) and no ${INDEX_FILE} saying which holds ${EMBEDDING_TENSOR_SUFFIX}; give the file itself`,
  );
}

function readFully(fd: number, file: string, into: Uint8Array, length: number, position: number): void {
  let done = 0;
  while (done < length) {
    const n = fs.readSync(fd, into, done, length - done, position + done);
    if (n === 0) throw new Error(`${file}: unexpected end of file reading ${length} bytes at offset ${position}`);
    done += n;
  }
}

function pickTensor(file: string, tensors: readonly TensorEntry[], name?: string): TensorEntry {
  const tensor = name
    ? tensors.find((t) => t.name === name)
    : tensors.find((t) => t.name.endsWith(EMBEDDING_TENSOR_SUFFIX));
  if (!tensor) {
    const wanted = name ? `"${name}" (named by the index)` : `named *${EMBEDDING_TENSOR_SUFFIX}`;
    throw new Error(`${file}: no tensor ${wanted}; tensors: ${listSome(tensors.map((t) => t.name))}`);
  }
  if (!(EMBEDDING_DTYPES as readonly string[]).includes(tensor.dtype)) {
    throw new Error(`${file}: tensor "${tensor.name}" has dtype ${tensor.dtype}; embeddings must be ${EMBEDDING_DTYPES.join(', ')}`);
  }
  if (tensor.shape.length !== 2 || tensor.shape[0] < 1 || tensor.shape[1] < 1) {
    throw new Error(`${file}: tensor "${tensor.name}" has shape [${tensor.shape.join(', ')}], expected [vocab_size, hidden_size]`);
  }
  return tensor;
}

/**
 * The input embedding table of a Hugging Face checkpoint in safetensors format. Only the header is
 * parsed on open; each row is read from disk when asked for (`fs.readSync` at its byte offset), so
 * a table of gigabytes costs one row's bytes per read. JSON key order is header order (tensor
 * names ending in embed_tokens.weight are never integer-like keys, which JSON.parse reorders).
 */
export class SafetensorsEmbeddings implements EmbeddingTable {
  readonly vocabSize: number;
  readonly hiddenSize: number;
  readonly dtype: EmbeddingDtype;
  private fd: number | null;
  private readonly rowBytes: number;
  private readonly scratch: ArrayBuffer;

  private constructor(
    readonly file: string,
    readonly tensorName: string,
    fd: number,
    tensor: TensorEntry,
    private readonly start: number,
  ) {
    this.fd = fd;
    this.dtype = tensor.dtype as EmbeddingDtype;
    [this.vocabSize, this.hiddenSize] = tensor.shape;
    this.rowBytes = this.hiddenSize * ELEMENT_BYTES[this.dtype];
    this.scratch = new ArrayBuffer(this.rowBytes);
  }

  /** Opens a `.safetensors` file or a checkpoint folder (see `locateEmbeddingFile`). */
  static open(location: string): SafetensorsEmbeddings {
    if (os.endianness() !== 'LE') throw new Error('safetensors rows are little-endian; this host is big-endian');
    const { file, tensorName } = locateEmbeddingFile(location);
    const fd = fs.openSync(file, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      const prefix = new Uint8Array(8);
      if (size >= 8) readFully(fd, file, prefix, 8, 0);
      const length = safetensorsHeaderLength(file, prefix, size);
      const json = new Uint8Array(length);
      readFully(fd, file, json, length, 8);
      const tensor = pickTensor(file, parseSafetensorsHeader(file, json, size).tensors, tensorName);
      return new SafetensorsEmbeddings(file, tensor.name, fd, tensor, tensor.start);
    } catch (error) {
      fs.closeSync(fd);
      throw error;
    }
  }

  readRow(id: number, out?: Float32Array): Float32Array {
    if (this.fd === null) throw new Error(`${this.file}: embedding table read after close()`);
    if (!Number.isInteger(id) || id < 0 || id >= this.vocabSize) {
      throw new RangeError(`${this.file}: token id ${id} is outside the embedding table (vocab size ${this.vocabSize})`);
    }
    const row = out ?? new Float32Array(this.hiddenSize);
    if (row.length < this.hiddenSize) {
      throw new TypeError(`readRow: output has ${row.length} elements, hidden size is ${this.hiddenSize}`);
    }
    const bytes = new Uint8Array(this.scratch);
    readFully(this.fd, this.file, bytes, this.rowBytes, this.start + id * this.rowBytes);
    DECODE_ROW[this.dtype](this.scratch, row, this.hiddenSize);
    return row;
  }

  /** Rows `ids` in order, as one row-major ids.length x hiddenSize array. */
  readRows(ids: readonly number[]): Float32Array {
    const rows = new Float32Array(ids.length * this.hiddenSize);
    ids.forEach((id, i) => this.readRow(id, rows.subarray(i * this.hiddenSize, (i + 1) * this.hiddenSize)));
    return rows;
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }
}
