/**
 * A minimal safetensors writer for tests and fixtures (format: huggingface/safetensors README):
 * u64 little-endian header length, JSON header padded with spaces to a multiple of 8 (as the
 * reference writer does), then the tensors' bytes in header order.
 */

export interface TensorBytes {
  readonly name: string;
  readonly dtype: string;
  readonly shape: readonly number[];
  readonly bytes: Uint8Array;
}

export type TensorSpec = Omit<TensorBytes, 'bytes'> & { readonly byteLength: number };

/** The 8-byte length and JSON header for tensors laid out back to back in this order. */
export function encodeSafetensorsHeader(tensors: readonly TensorSpec[], metadata?: Record<string, string>): Uint8Array {
  const header: Record<string, unknown> = metadata ? { __metadata__: metadata } : {};
  let offset = 0;
  for (const t of tensors) {
    header[t.name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + t.byteLength] };
    offset += t.byteLength;
  }
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - (Buffer.byteLength(json) % 8)) % 8);
  const body = Buffer.from(json, 'utf8');
  const out = new Uint8Array(8 + body.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(body.length), true);
  out.set(body, 8);
  return out;
}

/** A whole safetensors file. */
export function encodeSafetensors(tensors: readonly TensorBytes[], metadata?: Record<string, string>): Uint8Array {
  const header = encodeSafetensorsHeader(
    tensors.map((t) => ({ ...t, byteLength: t.bytes.length })),
    metadata,
  );
  const out = new Uint8Array(header.length + tensors.reduce((sum, t) => sum + t.bytes.length, 0));
  out.set(header, 0);
  let at = header.length;
  for (const t of tensors) {
    out.set(t.bytes, at);
    at += t.bytes.length;
  }
  return out;
}

/** Little-endian float32 bytes. */
export function f32Bytes(values: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  const view = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i], true);
  return out;
}

/** Little-endian 16-bit patterns (F16 or BF16 bits). */
export function u16Bytes(bits: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(bits.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < bits.length; i++) view.setUint16(i * 2, bits[i], true);
  return out;
}

/** BF16 bits of a float32 value, rounded to nearest even (as torch does). */
export function bf16Bits(value: number): number {
  const view = new DataView(new ArrayBuffer(4));
  view.setFloat32(0, value, true);
  const bits = view.getUint32(0, true);
  if ((bits & 0x7f800000) === 0x7f800000 && (bits & 0x7fffff) !== 0) return 0x7fc0; // NaN
  return ((bits + 0x7fff + ((bits >>> 16) & 1)) >>> 16) & 0xffff;
}
