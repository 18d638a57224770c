import { BMAS_COMBINATION_NAMES, combineDirectional } from './bmas-combination';
import { computeBmas } from './bmas-kernel';
import { createSimilarityBackend } from './create-similarity-backend';

/**
 * Hand-computed example (3-dim rows, already normalised):
 *   answer    r1 = (1, 0, 0), r2 = (0, 1, 0)
 *   reference g1 = (1/√2, 1/√2, 0), g2 = (0, 0, 1), g3 = (0.6, 0.8, 0)
 * Cosine matrix S = R G^T:
 *           g1      g2   g3
 *   r1   [ 1/√2    0    0.6 ]
 *   r2   [ 1/√2    0    0.8 ]
 * Row maxima 1/√2, 0.8 -> a = (1/√2 + 0.8) / 2 = c/2 with c = 1/√2 + 0.8 = 1.5071067811865475.
 * Column maxima 1/√2, 0, 0.8 -> b = (1/√2 + 0 + 0.8) / 3 = c/3.
 *   mean     = (c/2 + c/3) / 2          = 5c/12 = 0.6279611588277281
 *   harmonic = 2 (c/2)(c/3) / (c/2 + c/3) = 2c/5 = 0.602842712474619
 *   product  = (c/2)(c/3)               = c²/6 = 0.3785631289063813
 */
const C = Math.SQRT1_2 + 0.8;
const ANSWER = Float32Array.of(1, 0, 0, 0, 1, 0);
const REFERENCE = Float32Array.of(Math.SQRT1_2, Math.SQRT1_2, 0, 0, 0, 1, 0.6, 0.8, 0);
const HAND = { mean: (5 * C) / 12, harmonic: (2 * C) / 5, product: (C * C) / 6 };
const TOLERANCE = 1e-6; // float32 rounding of the rows

describe.each(['wasm', 'js'] as const)('computeBmas, %s kernel: hand-computed example', (kernel) => {
  const backend = createSimilarityBackend(kernel);

  it.each(BMAS_COMBINATION_NAMES)('%s', (combination) => {
    const parts = computeBmas(ANSWER, 2, REFERENCE, 3, 3, combination, backend);
    expect(parts.answerToReference).toBeCloseTo(C / 2, 6);
    expect(parts.referenceToAnswer).toBeCloseTo(C / 3, 6);
    expect(Math.abs(parts.score - HAND[combination])).toBeLessThan(TOLERANCE);
  });

  it('swapping answer and reference swaps the directional scores', () => {
    const parts = computeBmas(REFERENCE, 3, ANSWER, 2, 3, 'mean', backend);
    expect(parts.answerToReference).toBeCloseTo(C / 3, 6);
    expect(parts.referenceToAnswer).toBeCloseTo(C / 2, 6);
    expect(parts.score).toBeCloseTo(HAND.mean, 6);
  });

  it('no rows on either side: 0', () => {
    expect(computeBmas(new Float32Array(0), 0, REFERENCE, 3, 3, 'mean', backend).score).toBe(0);
    expect(computeBmas(ANSWER, 2, new Float32Array(0), 0, 3, 'mean', backend).score).toBe(0);
  });

  it('opposite rows clamp to 0; a zero row has similarity 0, not NaN', () => {
    expect(computeBmas(Float32Array.of(1, 0), 1, Float32Array.of(-1, 0), 1, 2, 'mean', backend).score).toBe(0);
    // answer [0, 0] and [1, 0] vs reference [1, 0]: S = [0; 1], a = (0 + 1) / 2, b = 1, mean 0.75.
    const parts = computeBmas(Float32Array.of(0, 0, 1, 0), 2, Float32Array.of(1, 0), 1, 2, 'mean', backend);
    expect([parts.answerToReference, parts.referenceToAnswer, parts.score]).toEqual([0.5, 1, 0.75]);
  });

  it('rejects arrays too short for their shape', () => {
    expect(() => computeBmas(ANSWER, 3, REFERENCE, 3, 3, 'mean', backend)).toThrow(/3 x 3 rows need 9 values, the array has 6/);
  });
});

describe('combineDirectional', () => {
  it.each([
    ['mean', 0.5, 0.25, 0.375],
    ['harmonic', 0.5, 0.25, 1 / 3], // 2 * 0.125 / 0.75
    ['product', 0.5, 0.25, 0.125],
    ['mean', -0.5, 0.25, 0], // clamped
    ['harmonic', 0, 0.9, 0],
    ['harmonic', -0.5, -0.25, 0],
    ['product', -0.5, -0.5, 0], // not +0.25
    ['mean', 1.0000001, 1.0000001, 1], // clamped
  ] as const)('%s(%s, %s) = %s', (combination, a, b, expected) => {
    expect(combineDirectional(a, b, combination)).toBeCloseTo(expected, 12);
  });

  it('an unknown combination throws with the valid names', () => {
    expect(() => combineDirectional(0.5, 0.5, 'max' as never)).toThrow('unknown BMAS combination "max"; valid: mean, harmonic, product');
    expect(() => combineDirectional(0.5, 0.5, 'toString' as never)).toThrow(/unknown BMAS combination "toString"/);
  });
});
