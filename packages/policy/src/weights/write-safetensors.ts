import { writeAll, writeAtomically } from './atomic-file';

export interface NamedFloat32 {
  readonly name: string;
  readonly shape: readonly number[];
  readonly values: Float32Array;
}

/**
 * Writes float32 tensors as one `.safetensors` file, atomically. The header is padded with spaces to
 * a multiple of 8 bytes (as the reference writer does, keeping the data aligned) and carries
 * `__metadata__: {format: "pt"}`, which transformers' from_pretrained requires.
 */
export function writeSafetensors(file: string, tensors: readonly NamedFloat32[], metadata: Record<string, string> = {}): void {
  const header: Record<string, unknown> = { __metadata__: { format: 'pt', ...metadata } };
  let offset = 0;
  for (const t of tensors) {
    const count = t.shape.reduce((a, b) => a * b, 1);
    if (count !== t.values.length) throw new RangeError(`writeSafetensors: tensor "${t.name}" has ${t.values.length} values for shape [${t.shape.join(', ')}]`);
    if (t.name in header) throw new RangeError(`writeSafetensors: tensor "${t.name}" appears twice`);
    header[t.name] = { dtype: 'F32', shape: [...t.shape], data_offsets: [offset, offset + t.values.byteLength] };
    offset += t.values.byteLength;
  }
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - (Buffer.byteLength(json) % 8)) % 8);
  const jsonBytes = new TextEncoder().encode(json);
  const prefix = new Uint8Array(8);
  new DataView(prefix.buffer).setBigUint64(0, BigInt(jsonBytes.length), true);
  writeAtomically(file, (fd) => {
    writeAll(fd, prefix);
    writeAll(fd, jsonBytes);
    for (const t of tensors) writeAll(fd, new Uint8Array(t.values.buffer, t.values.byteOffset, t.values.byteLength));
  });
}
