import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rawSafetensors } from '../testing/raw-safetensors';
import { writeAtomically } from './atomic-file';
import { bf16ToF32, f16BitsToF32Bits, f16ToF32 } from './float-conversion';
import { SafetensorsFile } from './safetensors-file';
import { writeSafetensors } from './write-safetensors';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-safetensors-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('float conversions (hand-derived bit patterns)', () => {
  it('F16: normal, subnormal, zero, infinity, NaN', () => {
    // 0x3c00 = 1, 0xc000 = -2, 0x3555 = 0.333251953125, 0x0001 = 2^-24, 0x0200 = 2^-15, 0x7c00 = inf.
    const values = f16ToF32(Uint16Array.from([0x3c00, 0xc000, 0x3555, 0x0001, 0x0200, 0x8000, 0x7c00, 0x7e00]));
    expect(Array.from(values.slice(0, 7))).toEqual([1, -2, 0.333251953125, 2 ** -24, 2 ** -15, -0, Infinity]);
    expect(Number.isNaN(values[7])).toBe(true);
    expect(f16BitsToF32Bits(0x3c00)).toBe(0x3f800000);
  });

  it('BF16: the upper half of the float32', () => {
    // 0x3f80 = 1, 0xc040 = -3, 0x3eaa = 0.33203125.
    expect(Array.from(bf16ToF32(Uint16Array.from([0x3f80, 0xc040, 0x3eaa])))).toEqual([1, -3, 0.33203125]);
  });
});

describe('safetensors read and write', () => {
  it('round-trips float32 tensors; the header is 8-byte aligned with format "pt"', () => {
    const file = path.join(dir, 'round.safetensors');
    const a = Float32Array.from([1.5, -2, 3.25, 0]);
    const b = Float32Array.from([7]);
    writeSafetensors(file, [
      { name: 'a.weight', shape: [2, 2], values: a },
      { name: 'b', shape: [1], values: b },
    ]);
    const bytes = fs.readFileSync(file);
    expect(Number(bytes.readBigUInt64LE(0)) % 8).toBe(0);
    const read = SafetensorsFile.open(file);
    expect(read.header.metadata).toEqual({ format: 'pt' });
    expect(read.entry('a.weight')).toMatchObject({ dtype: 'F32', shape: [2, 2] });
    expect(read.readFloat32('a.weight')).toEqual(a);
    expect(read.readFloat32('b')).toEqual(b);
    read.close();
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('reads F16 and BF16 tensors as float32', () => {
    const file = path.join(dir, 'halves.safetensors');
    rawSafetensors(file, [
      { name: 'h', dtype: 'F16', shape: [2], bytes: new Uint8Array(Uint16Array.from([0x3c00, 0xc000]).buffer) },
      { name: 'b', dtype: 'BF16', shape: [3], bytes: new Uint8Array(Uint16Array.from([0x3f80, 0xc040, 0x3eaa]).buffer) },
      { name: 'i', dtype: 'I64', shape: [1], bytes: new Uint8Array(8) },
    ]);
    const read = SafetensorsFile.open(file);
    expect(Array.from(read.readFloat32('h'))).toEqual([1, -2]);
    expect(Array.from(read.readFloat32('b'))).toEqual([1, -3, 0.33203125]);
    expect(() => read.readFloat32('i')).toThrow(`${file}: tensor "i" has dtype I64; model weights must be F32, F16, BF16`);
    read.close();
  });

  it('names the file and the problem for a corrupt file', () => {
    const truncated = path.join(dir, 'truncated.safetensors');
    fs.writeFileSync(truncated, Buffer.from([200, 0, 0, 0, 0, 0, 0, 0, 123]));
    expect(() => SafetensorsFile.open(truncated)).toThrow(`${truncated}: not a valid safetensors file: header length 200 runs past the end of the 9-byte file`);
    const wrongSize = path.join(dir, 'size.safetensors');
    rawSafetensors(wrongSize, [{ name: 'x', dtype: 'F32', shape: [3], bytes: new Uint8Array(8) }]);
    expect(() => SafetensorsFile.open(wrongSize)).toThrow('tensor "x" (F32, shape [3]) needs 12 bytes but data_offsets span 8');
    expect(() => SafetensorsFile.open(path.join(dir, 'missing.safetensors'))).toThrow('cannot open the safetensors file (ENOENT)');
  });

  it('checks values against shapes before writing', () => {
    expect(() => writeSafetensors(path.join(dir, 'bad.safetensors'), [{ name: 'x', shape: [2], values: Float32Array.from([1]) }])).toThrow(
      'writeSafetensors: tensor "x" has 1 values for shape [2]',
    );
    expect(fs.existsSync(path.join(dir, 'bad.safetensors'))).toBe(false);
  });

  it('a write that fails midway leaves the old file whole and no temporary file', () => {
    const file = path.join(dir, 'keep.safetensors');
    writeSafetensors(file, [{ name: 'x', shape: [1], values: Float32Array.from([1]) }]);
    const before = fs.readFileSync(file);
    expect(() =>
      writeAtomically(file, (fd) => {
        fs.writeSync(fd, Buffer.from('partial'));
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(fs.readFileSync(file)).toEqual(before);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
