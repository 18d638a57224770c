/**
 * Exact conversions of IEEE half (F16) and bfloat16 (BF16) bit patterns to float32. Every F16 and
 * BF16 value is a float32 value, so both are exact (subnormals, infinities and NaN included).
 */

let f16Table: Uint32Array | null = null;

/** float32 bits of one F16 bit pattern (1 sign, 5 exponent, 10 mantissa bits). */
export function f16BitsToF32Bits(h: number): number {
  const sign = (h & 0x8000) << 16;
  const exponent = (h >> 10) & 0x1f;
  let mantissa = h & 0x3ff;
  if (exponent === 0x1f) return (sign | 0x7f800000 | (mantissa << 13)) >>> 0;
  if (exponent !== 0) return (sign | ((exponent + 112) << 23) | (mantissa << 13)) >>> 0;
  if (mantissa === 0) return sign >>> 0;
  // Subnormal: normalise the mantissa, lowering the exponent one step per shift.
  let e = 113;
  while ((mantissa & 0x400) === 0) {
    mantissa <<= 1;
    e -= 1;
  }
  return (sign | (e << 23) | ((mantissa & 0x3ff) << 13)) >>> 0;
}

/** float32 values of F16 bit patterns. */
export function f16ToF32(src: Uint16Array): Float32Array {
  if (!f16Table) {
    f16Table = new Uint32Array(0x10000);
    for (let h = 0; h < 0x10000; h++) f16Table[h] = f16BitsToF32Bits(h);
  }
  const bits = new Uint32Array(src.length);
  for (let i = 0; i < src.length; i++) bits[i] = f16Table[src[i]];
  return new Float32Array(bits.buffer);
}

/** float32 values of BF16 bit patterns: BF16 is the upper half of a float32. */
export function bf16ToF32(src: Uint16Array): Float32Array {
  const bits = new Uint32Array(src.length);
  for (let i = 0; i < src.length; i++) bits[i] = src[i] << 16;
  return new Float32Array(bits.buffer);
}
