import { makeData, Utf8 } from 'apache-arrow';
import { scalarReader, type Codec } from './codec';
import { validityOf } from './null-bitmap';

const encoder = new TextEncoder();
const MAX_UTF8_BYTES_PER_UTF16_UNIT = 3;

/** Utf8 strings. */
export const utf8: Codec<string> = {
  expected: 'a string',
  arrowTypeSuffices: true,
  arrowType: () => new Utf8(),
  accepts: (value): value is string => typeof value === 'string',
  build(values) {
    const { valueOffsets, data } = encodeStrings(values);
    return makeData({ type: new Utf8(), length: values.length, ...validityOf(values), valueOffsets, data });
  },
  reader: scalarReader,
};

/** The UTF-8 bytes of all strings back to back, and where each one starts (null: no bytes). */
export function encodeStrings(values: ArrayLike<string | null>): { valueOffsets: Int32Array; data: Uint8Array } {
  const valueOffsets = new Int32Array(values.length + 1);
  let bytes: Uint8Array = new Uint8Array(1024);
  let end = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value !== null) {
      bytes = ensureCapacity(bytes, end + value.length * MAX_UTF8_BYTES_PER_UTF16_UNIT);
      end += encoder.encodeInto(value, bytes.subarray(end)).written;
    }
    valueOffsets[i + 1] = end;
  }
  return { valueOffsets, data: bytes.subarray(0, end) };
}

function ensureCapacity(bytes: Uint8Array, needed: number): Uint8Array {
  if (needed <= bytes.length) return bytes;
  const grown = new Uint8Array(Math.max(needed, bytes.length * 2));
  grown.set(bytes);
  return grown;
}
