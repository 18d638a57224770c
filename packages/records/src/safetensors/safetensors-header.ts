/**
 * The `.safetensors` layout (https://github.com/huggingface/safetensors, README "Format"): an
 * 8-byte little-endian u64 N, N bytes of JSON mapping each tensor name to
 * {dtype, shape, data_offsets: [begin, end]} (offsets from the end of the header) plus an optional
 * `__metadata__` string map, then the data.
 */

/** The reference implementation refuses headers over 100 MB (MAX_HEADER_SIZE). */
export const SAFETENSORS_MAX_HEADER_BYTES = 100_000_000;

/** Bytes per element of the safetensors dtypes. */
export const SAFETENSORS_DTYPE_BYTES: Readonly<Record<string, number>> = {
  BOOL: 1,
  U8: 1,
  I8: 1,
  F8_E5M2: 1,
  F8_E4M3: 1,
  I16: 2,
  U16: 2,
  F16: 2,
  BF16: 2,
  I32: 4,
  U32: 4,
  F32: 4,
  I64: 8,
  U64: 8,
  F64: 8,
};

/** One tensor of a safetensors file: where its bytes are. */
export interface TensorEntry {
  readonly name: string;
  readonly dtype: string;
  readonly shape: readonly number[];
  /** Absolute byte offset of the tensor's data in the file. */
  readonly start: number;
  readonly byteLength: number;
}

export interface SafetensorsHeader {
  readonly file: string;
  /** Byte offset of the data section (8 + header length). */
  readonly dataStart: number;
  /** Tensors in header order. */
  readonly tensors: readonly TensorEntry[];
  /** The same tensors by name. */
  readonly byName: ReadonlyMap<string, TensorEntry>;
  readonly metadata: Readonly<Record<string, string>>;
}

function fail(file: string, what: string): never {
  throw new Error(`${file}: not a valid safetensors file: ${what}`);
}

/** The JSON header's byte length, from the file's first 8 bytes, checked against the file size. */
export function safetensorsHeaderLength(file: string, prefix: Uint8Array, fileSize: number): number {
  if (fileSize < 8 || prefix.length < 8) fail(file, `the file has ${fileSize} bytes, fewer than the 8-byte header length`);
  const length = new DataView(prefix.buffer, prefix.byteOffset, 8).getBigUint64(0, true);
  if (length > BigInt(SAFETENSORS_MAX_HEADER_BYTES)) fail(file, `header length ${length} is over the ${SAFETENSORS_MAX_HEADER_BYTES}-byte limit (corrupt or not safetensors)`);
  const n = Number(length);
  if (8 + n > fileSize) fail(file, `header length ${n} runs past the end of the ${fileSize}-byte file`);
  if (n < 2) fail(file, `header length ${n} is too short for a JSON object`);
  return n;
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/**
 * One header entry, checked: a dtype string, a shape of whole numbers, data_offsets inside the data
 * section and, for the dtypes the format defines, exactly shape * element size bytes. A dtype this
 * code does not know is kept (callers refuse it when they read that tensor).
 */
function parseEntry(file: string, name: string, entry: unknown, dataStart: number, dataBytes: number): TensorEntry {
  const where = `tensor "${name}"`;
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) fail(file, `${where} is not an object`);
  const { dtype, shape, data_offsets: offsets } = entry as Record<string, unknown>;
  if (typeof dtype !== 'string') fail(file, `${where} has no dtype string`);
  if (!Array.isArray(shape) || !shape.every(isCount)) fail(file, `${where} has shape ${JSON.stringify(shape)}, expected a list of whole numbers`);
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isCount)) fail(file, `${where} has data_offsets ${JSON.stringify(offsets)}, expected [begin, end]`);
  const [begin, end] = offsets as number[];
  if (begin > end || end > dataBytes) fail(file, `${where} has data_offsets [${begin}, ${end}] outside the ${dataBytes}-byte data section`);
  const elementBytes = SAFETENSORS_DTYPE_BYTES[dtype];
  if (elementBytes !== undefined) {
    const expected = (shape as number[]).reduce((a, b) => a * b, 1) * elementBytes;
    if (expected !== end - begin) fail(file, `${where} (${dtype}, shape [${shape.join(', ')}]) needs ${expected} bytes but data_offsets span ${end - begin}`);
  }
  return { name, dtype, shape: shape as number[], start: dataStart + begin, byteLength: end - begin };
}

/** Parses and checks the JSON header bytes of `file` (of `fileSize` bytes); data is not read. */
export function parseSafetensorsHeader(file: string, json: Uint8Array, fileSize: number): SafetensorsHeader {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch (error) {
    fail(file, `the header is not UTF-8 JSON (${(error as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) fail(file, 'the header is not a JSON object');
  const dataStart = 8 + json.length;
  const tensors: TensorEntry[] = [];
  let metadata: Record<string, string> = {};
  for (const [name, entry] of Object.entries(parsed as Record<string, unknown>)) {
    if (name === '__metadata__') metadata = (entry ?? {}) as Record<string, string>;
    else tensors.push(parseEntry(file, name, entry, dataStart, fileSize - dataStart));
  }
  return { file, dataStart, tensors, byName: new Map(tensors.map((t) => [t.name, t])), metadata };
}
