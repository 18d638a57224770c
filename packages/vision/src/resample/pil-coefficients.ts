/**
 * Pillow's convolution coefficients for one axis of a resize, as Pillow 9.4 computes them in
 * `src/libImaging/Resample.c`: `bicubic_filter` (a = -0.5), `precompute_coeffs` (support scaled
 * by the downscale factor, weights normalised to sum 1 in double precision) and
 * `normalize_coeffs_8bpc` (fixed point with PRECISION_BITS = 32 - 8 - 2, rounded half away from
 * zero). Every double operation is written in the order Pillow's C does it, so the integer
 * coefficients are the same.
 */

/** Fractional bits of the fixed-point coefficients (Resample.c `PRECISION_BITS`). */
export const PRECISION_BITS = 32 - 8 - 2;

/** Support of the bicubic kernel at scale 1 (Resample.c `static struct filter BICUBIC = {bicubic_filter, 2.0}`). */
const BICUBIC_SUPPORT = 2.0;

/** Resample.c `bicubic_filter`: the Keys cubic with a = -0.5 (Catmull-Rom). */
export function bicubicFilter(x: number): number {
  const a = -0.5;
  if (x < 0.0) x = -x;
  if (x < 1.0) return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
  if (x < 2.0) return (((x - 5) * x + 8) * x - 4) * a;
  return 0.0;
}

/**
 * The taps of every output position along one axis. Output `i` reads `counts[i]` input samples
 * starting at `starts[i]`, weighted by `weights[i * taps ... i * taps + counts[i] - 1]`
 * (Resample.c's `bounds` pairs and `kk` rows, `ksize` = `taps`).
 */
export interface AxisCoefficients {
  readonly outSize: number;
  readonly taps: number;
  readonly starts: Int32Array;
  readonly counts: Int32Array;
  /** Fixed-point weights, PRECISION_BITS fractional bits. */
  readonly weights: Int32Array;
}

/**
 * Resample.c `precompute_coeffs` followed by `normalize_coeffs_8bpc`, for the box [in0, in1) of an
 * axis of `inSize` samples resized to `outSize` (a whole-image resize has in0 = 0, in1 = inSize).
 * `in0` and `in1` are C floats in Pillow; whole numbers below 2^24 are exact in either type.
 */
export function bicubicAxisCoefficients(inSize: number, outSize: number, in0 = 0, in1 = inSize): AxisCoefficients {
  const scale = (in1 - in0) / outSize;
  const filterScale = scale < 1.0 ? 1.0 : scale;
  const support = BICUBIC_SUPPORT * filterScale;
  const taps = Math.ceil(support) * 2 + 1;
  const starts = new Int32Array(outSize);
  const counts = new Int32Array(outSize);
  const weights = new Int32Array(outSize * taps);
  const k = new Float64Array(taps);
  const ss = 1.0 / filterScale;
  const one = 1 << PRECISION_BITS;
  for (let xx = 0; xx < outSize; xx++) {
    const center = in0 + (xx + 0.5) * scale;
    // C's (int) conversion truncates toward zero.
    let xmin = Math.trunc(center - support + 0.5);
    if (xmin < 0) xmin = 0;
    let xmax = Math.trunc(center + support + 0.5);
    if (xmax > inSize) xmax = inSize;
    xmax -= xmin;
    let ww = 0.0;
    for (let x = 0; x < xmax; x++) {
      const w = bicubicFilter((x + xmin - center + 0.5) * ss);
      k[x] = w;
      ww += w;
    }
    const row = xx * taps;
    for (let x = 0; x < xmax; x++) {
      const w = ww !== 0.0 ? k[x] / ww : k[x];
      // normalize_coeffs_8bpc: (int)(+-0.5 + w * (1 << PRECISION_BITS)), truncated.
      weights[row + x] = w < 0 ? Math.trunc(-0.5 + w * one) : Math.trunc(0.5 + w * one);
    }
    starts[xx] = xmin;
    counts[xx] = xmax;
  }
  return { outSize, taps, starts, counts, weights };
}
