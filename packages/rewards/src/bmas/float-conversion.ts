/**
 * Exact conversions of IEEE half precision (F16) and bfloat16 (BF16) bit patterns to float32,
 * as done on whole rows read from a safetensors file. Every F16 and BF16 value is representable
 * in float32, so both conversions are exact (F16 subnormals, infinities and NaN included; NaN
 * payloads are kept).
 */

let f16Table: Uint32Array | null = null;

/** float32 bit pattern of one F16 bit pattern (sign, 5-bit exponent, 10-bit mantissa). */
export function f16BitsToF32Bits(h: number): number {
  const sign = (h & 0x8000) << 16;
  const exponent = (h >> 10) & 0x1f;
  let mantissa = h & 0x3ff;
  if (exponent === 0x1f) return (sign | 0x7f800000 | (mantissa << 13)) >>> 0; // inf / NaN
  if (exponent !== 0) return (sign | ((exponent - 15 + 127) << 23) | (mantissa << 13)) >>> 0;
  if (mantissa === 0) return sign >>> 0; // +-0
  // Subnormal: mantissa * 2^-24. Shift it up until the implicit bit appears.
  let e = -14;
  while ((mantissa & 0x400) === 0) {
    mantissa <<= 1;
    e -= 1;
  }
  return (sign | ((e + 127) << 23) | ((mantissa & 0x3ff) << 13)) >>> 0;
}

function table(): Uint32Array {
  if (!f16Table) {
    f16Table = new Uint32Array(0x10000);
    for (let h = 0; h < 0x10000; h++) f16Table[h] = f16BitsToF32Bits(h);
  }
  return f16Table;
}

/** Writes float32 values of `count` F16 bit patterns into `out` (viewed as raw bits). */
export function f16ToF32(src: Uint16Array, out: Float32Array, count = src.length): void {
  const bits = new Uint32Array(out.buffer, out.byteOffset, count);
  const t = table();
  for (let i = 0; i < count; i++) bits[i] = t[src[i]];
}

/** Writes float32 values of `count` BF16 bit patterns into `out`: BF16 is float32's upper half. */
export function bf16ToF32(src: Uint16Array, out: Float32Array, count = src.length): void {
  const bits = new Uint32Array(out.buffer, out.byteOffset, count);
  for (let i = 0; i < count; i++) bits[i] = src[i] << 16;
}
