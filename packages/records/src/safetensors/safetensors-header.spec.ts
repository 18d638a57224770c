import { parseSafetensorsHeader, safetensorsHeaderLength } from './safetensors-header';

/** A safetensors file's bytes from a header object and a data section length. */
function file(header: object, dataBytes: number): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const bytes = new Uint8Array(8 + json.length + dataBytes);
  new DataView(bytes.buffer).setBigUint64(0, BigInt(json.length), true);
  bytes.set(json, 8);
  return bytes;
}

function parse(bytes: Uint8Array) {
  const length = safetensorsHeaderLength('t.safetensors', bytes.subarray(0, 8), bytes.length);
  return parseSafetensorsHeader('t.safetensors', bytes.subarray(8, 8 + length), bytes.length);
}

describe('safetensors header', () => {
  it('gives each tensor its absolute byte range, in header order, with the metadata', () => {
    const bytes = file({ __metadata__: { format: 'pt' }, b: { dtype: 'F16', shape: [2, 3], data_offsets: [0, 12] }, a: { dtype: 'F32', shape: [2], data_offsets: [12, 20] } }, 20);
    const header = parse(bytes);
    const dataStart = bytes.length - 20;
    expect(header.dataStart).toBe(dataStart);
    expect(header.tensors.map((t) => [t.name, t.dtype, t.shape, t.start, t.byteLength])).toEqual([
      ['b', 'F16', [2, 3], dataStart, 12],
      ['a', 'F32', [2], dataStart + 12, 8],
    ]);
    expect(header.byName.get('a')?.start).toBe(dataStart + 12);
    expect(header.metadata).toEqual({ format: 'pt' });
  });

  it('keeps a dtype it does not know, without a size check', () => {
    const header = parse(file({ x: { dtype: 'F4_E2M1', shape: [4], data_offsets: [0, 2] } }, 2));
    expect(header.tensors[0].dtype).toBe('F4_E2M1');
  });

  it.each([
    ['a size that disagrees with shape and dtype', { w: { dtype: 'F32', shape: [3], data_offsets: [0, 8] } }, 8, /tensor "w" \(F32, shape \[3\]\) needs 12 bytes but data_offsets span 8/],
    ['offsets past the data', { w: { dtype: 'U8', shape: [9], data_offsets: [0, 9] } }, 4, /data_offsets \[0, 9\] outside the 4-byte data section/],
    ['a shape that is not whole numbers', { w: { dtype: 'U8', shape: [1.5], data_offsets: [0, 1] } }, 1, /shape \[1\.5\]/],
    ['an entry that is not an object', { w: 3 }, 0, /tensor "w" is not an object/],
  ])('refuses %s, naming the file and tensor', (_name, header, dataBytes, message) => {
    expect(() => parse(file(header, dataBytes))).toThrow(message);
  });

  it('refuses a header length past the end of the file or over the limit', () => {
    const bytes = file({}, 0);
    new DataView(bytes.buffer).setBigUint64(0, 1000n, true);
    expect(() => parse(bytes)).toThrow(/t\.safetensors: not a valid safetensors file: header length 1000 runs past the end/);
    new DataView(bytes.buffer).setBigUint64(0, 2n ** 40n, true);
    expect(() => parse(bytes)).toThrow(/over the 100000000-byte limit/);
    expect(() => safetensorsHeaderLength('t', new Uint8Array(3), 3)).toThrow(/fewer than the 8-byte header length/);
  });
});
