import { bf16ToF32, f16ToF32 } from './float-conversion';

/** IEEE 754 binary16 by its definition, in float64 arithmetic (independent of the bit tricks). */
function f16Oracle(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const fraction = h & 0x3ff;
  if (exponent === 0x1f) return fraction === 0 ? sign * Infinity : NaN;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

/** bfloat16: float32 with the low 16 mantissa bits zero, by its definition. */
function bf16Oracle(b: number): number {
  const sign = b & 0x8000 ? -1 : 1;
  const exponent = (b >> 7) & 0xff;
  const fraction = b & 0x7f;
  if (exponent === 0xff) return fraction === 0 ? sign * Infinity : NaN;
  if (exponent === 0) return sign * fraction * 2 ** -133;
  return sign * (1 + fraction / 128) * 2 ** (exponent - 127);
}

const ALL = Uint16Array.from({ length: 0x10000 }, (_, i) => i);

describe('f16ToF32', () => {
  it.each([
    [0x3c00, 1],
    [0xc000, -2],
    [0x7bff, 65504], // largest finite
    [0x0001, 2 ** -24], // smallest subnormal
    [0x03ff, 1023 * 2 ** -24], // largest subnormal
    [0x0400, 2 ** -14], // smallest normal
    [0x3555, 0.333251953125],
    [0x7c00, Infinity],
    [0xfc00, -Infinity],
  ])('bits %s -> %s', (bits, expected) => {
    const out = new Float32Array(1);
    f16ToF32(Uint16Array.of(bits), out);
    expect(out[0]).toBe(expected);
  });

  it('keeps the sign of zero and gives NaN for NaN patterns', () => {
    const out = new Float32Array(3);
    f16ToF32(Uint16Array.of(0x8000, 0x7e00, 0xfd01), out);
    expect(Object.is(out[0], -0)).toBe(true);
    expect(out[1]).toBeNaN();
    expect(out[2]).toBeNaN();
  });

  it('equals the definition for all 65,536 patterns', () => {
    const out = new Float32Array(ALL.length);
    f16ToF32(ALL, out);
    const mismatches = Array.from(ALL).filter((h) => !Object.is(out[h], f16Oracle(h)) && !(Number.isNaN(out[h]) && Number.isNaN(f16Oracle(h))));
    expect(mismatches).toEqual([]);
  });

  it('writes into a subarray view at its offset', () => {
    const out = new Float32Array(4);
    f16ToF32(Uint16Array.of(0x3c00, 0x4000), out.subarray(2), 2);
    expect(Array.from(out)).toEqual([0, 0, 1, 2]);
  });
});

describe('bf16ToF32', () => {
  it.each([
    [0x3f80, 1],
    [0xc000, -2],
    [0x4049, 3.140625],
    [0x0001, 2 ** -133], // smallest subnormal
    [0x7f7f, 3.3895313892515355e38], // largest finite
    [0x7f80, Infinity],
    [0xff80, -Infinity],
  ])('bits %s -> %s', (bits, expected) => {
    const out = new Float32Array(1);
    bf16ToF32(Uint16Array.of(bits), out);
    expect(out[0]).toBe(expected);
  });

  it('equals the definition for all 65,536 patterns, NaN payloads kept', () => {
    const out = new Float32Array(ALL.length);
    bf16ToF32(ALL, out);
    const mismatches = Array.from(ALL).filter((b) => !Object.is(out[b], bf16Oracle(b)) && !(Number.isNaN(out[b]) && Number.isNaN(bf16Oracle(b))));
    expect(mismatches).toEqual([]);
    const bits = new Uint32Array(out.buffer);
    expect(bits[0x7fc1]).toBe(0x7fc10000);
    expect(bits[0xffc0]).toBe(0xffc00000);
  });
});
