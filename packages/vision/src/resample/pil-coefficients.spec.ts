import { bicubicAxisCoefficients, bicubicFilter, PRECISION_BITS } from './pil-coefficients';

const ONE = 1 << PRECISION_BITS;

describe('bicubicFilter (Resample.c bicubic_filter, a = -0.5)', () => {
  it('takes the hand-computed values of the Keys cubic', () => {
    expect(bicubicFilter(0)).toBe(1);
    expect(bicubicFilter(0.25)).toBe(0.8671875); // (1.5 x - 2.5) x^2 + 1
    expect(bicubicFilter(0.5)).toBe(0.5625);
    expect(bicubicFilter(0.75)).toBe(0.2265625);
    expect(bicubicFilter(1) + 0).toBe(0); // -0 from the second branch
    expect(bicubicFilter(1.25)).toBe(-0.0703125); // -0.5 ((x - 5) x + 8) x + 2
    expect(bicubicFilter(1.5)).toBe(-0.0625);
    expect(bicubicFilter(1.75)).toBe(-0.0234375);
    expect(bicubicFilter(2)).toBe(0);
    expect(bicubicFilter(7)).toBe(0);
  });

  it('is even', () => {
    for (const x of [0.1, 0.7, 1.3, 1.9]) expect(bicubicFilter(-x)).toBe(bicubicFilter(x));
  });
});

describe('bicubicAxisCoefficients (precompute_coeffs + normalize_coeffs_8bpc)', () => {
  it('enlarging 4 -> 8: interior taps are the kernel at phase 0.25 in fixed point, edges renormalised', () => {
    const axis = bicubicAxisCoefficients(4, 8);
    expect(axis.taps).toBe(5); // ceil(2 * 1) * 2 + 1
    // output 3: centre 1.75, inputs 0..3 at distances 1.25, 0.25, 0.75, 1.75 (sum exactly 1)
    expect(axis.starts[3]).toBe(0);
    expect(axis.counts[3]).toBe(4);
    expect(Array.from(axis.weights.subarray(15, 19))).toEqual([-0.0703125 * ONE, 0.8671875 * ONE, 0.2265625 * ONE, -0.0234375 * ONE]);
    // output 0: centre 0.25, inputs 0 and 1 only (input -1 is outside), divided by their sum 0.796875
    expect(axis.counts[0]).toBe(2);
    expect(Array.from(axis.weights.subarray(0, 2))).toEqual([Math.round((0.8671875 / 0.796875) * ONE), Math.round((-0.0703125 / 0.796875) * ONE)]);
  });

  it('shrinking 8 -> 4: the support is scaled by 2 and taps are divided by their sum', () => {
    const axis = bicubicAxisCoefficients(8, 4);
    expect(axis.taps).toBe(9); // ceil(2 * 2) * 2 + 1
    // output 1: centre 3, support 4: inputs 0..6 at distances (x + 0.5 - 3) / 2 = -1.25 ... 1.75,
    // kernel -0.0703125, 0.2265625, 0.8671875, 0.8671875, 0.2265625, -0.0703125, -0.0234375, sum 2.0234375
    const row = (i: number) => Array.from(axis.weights.subarray(i * axis.taps, i * axis.taps + axis.counts[i]));
    expect([axis.starts[1], axis.counts[1]]).toEqual([0, 7]);
    expect(row(1)).toEqual([-145748, 469632, 1797559, 1797559, 469632, -145748, -48583]);
    expect(1797559).toBe(Math.trunc(0.5 + (0.8671875 / 2.0234375) * ONE));
    expect(-48583).toBe(Math.trunc(-0.5 + (-0.0234375 / 2.0234375) * ONE));
    // output 2 mirrors output 1
    expect([axis.starts[2], axis.counts[2]]).toEqual([1, 7]);
    expect(row(2)).toEqual(row(1).reverse());
  });

  it('weights of every output sum to 1 in fixed point, up to the rounding of each tap', () => {
    for (const [inSize, outSize] of [[37, 111], [37, 5], [1024, 1036], [768, 756], [3000, 1000], [7, 3], [1, 5], [5, 1]]) {
      const axis = bicubicAxisCoefficients(inSize, outSize);
      for (let i = 0; i < outSize; i++) {
        const taps = axis.weights.subarray(i * axis.taps, i * axis.taps + axis.counts[i]);
        const sum = taps.reduce((s, w) => s + w, 0);
        expect(Math.abs(sum - ONE)).toBeLessThanOrEqual(axis.counts[i]);
        expect(axis.starts[i]).toBeGreaterThanOrEqual(0);
        expect(axis.starts[i] + axis.counts[i]).toBeLessThanOrEqual(inSize);
      }
    }
  });
});
