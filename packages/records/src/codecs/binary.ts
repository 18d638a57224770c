import { Binary, makeData, type Data, type Vector } from 'apache-arrow';
import { chunkedReader } from './chunked-reader';
import type { Codec, ReadAccess } from './codec';
import { validityOf } from './null-bitmap';

/** Variable-length bytes (an encoded image file). */
export const binary: Codec<Uint8Array> = {
  expected: 'a Uint8Array',
  arrowTypeSuffices: true,
  arrowType: () => new Binary(),
  accepts: (value): value is Uint8Array => value instanceof Uint8Array,
  build(values) {
    const { valueOffsets, data } = concatBytes(values);
    return makeData({ type: new Binary(), length: values.length, ...validityOf(values), valueOffsets, data });
  },
  reader: (vector: Vector, access: ReadAccess) => chunkedReader(vector, (data) => readBinaryChunk(data, access)),
};

function concatBytes(values: ArrayLike<Uint8Array | null>): { valueOffsets: Int32Array; data: Uint8Array } {
  const valueOffsets = new Int32Array(values.length + 1);
  for (let i = 0; i < values.length; i++) valueOffsets[i + 1] = valueOffsets[i] + (values[i]?.length ?? 0);
  const data = new Uint8Array(valueOffsets[values.length]);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value !== null) data.set(value, valueOffsets[i]);
  }
  return { valueOffsets, data };
}

/** Rows as views into the chunk's bytes, or into one copy of them made for the whole chunk. */
function readBinaryChunk(data: Data, access: ReadAccess): (index: number) => Uint8Array | null {
  const offsets = data.valueOffsets as Int32Array;
  const values = data.values as Uint8Array;
  const base = access === 'copy' ? (offsets[0] ?? 0) : 0;
  const bytes = access === 'copy' ? values.slice(base, offsets[data.length] ?? 0) : values;
  return (index) => (data.getValid(index) ? bytes.subarray(offsets[index] - base, offsets[index + 1] - base) : null);
}
