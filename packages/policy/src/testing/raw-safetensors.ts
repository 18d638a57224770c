import fs from 'node:fs';

/** Writes a safetensors file with raw little-endian data per tensor, any dtype (for tests of readers). */
export function rawSafetensors(file: string, tensors: readonly { name: string; dtype: string; shape: number[]; bytes: Uint8Array }[]): void {
  const header: Record<string, unknown> = {};
  let offset = 0;
  for (const t of tensors) {
    header[t.name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + t.bytes.length] };
    offset += t.bytes.length;
  }
  const json = Buffer.from(JSON.stringify(header));
  const prefix = Buffer.alloc(8);
  prefix.writeBigUInt64LE(BigInt(json.length));
  fs.writeFileSync(file, Buffer.concat([prefix, json, ...tensors.map((t) => Buffer.from(t.bytes))]));
}

/** float32 values as BF16 bytes (truncating: exact for values that are BF16 already). */
export function bf16Bytes(values: Float32Array): Uint8Array {
  const bits = new Uint32Array(values.buffer, values.byteOffset, values.length);
  return new Uint8Array(Uint16Array.from(bits, (b) => b >>> 16).buffer);
}
