import * as tf from '@tensorflow/tfjs-core';

export interface GradientCheck {
  /** Largest |analytic - numeric| over the checked entries. */
  readonly maxError: number;
  /** Largest |numeric| (for a relative view). */
  readonly maxNumeric: number;
  readonly checked: number;
}

/**
 * Compares tf.grad of a scalar function of one tensor against central differences
 * (f(x + h e_i) - f(x - h e_i)) / 2h at `indices` (all entries by default). The function runs in
 * float32, so h is large-ish (1e-2 default) and the tolerance is the caller's.
 */
export function checkGradient(
  f: (x: tf.Tensor) => tf.Scalar,
  x: tf.Tensor,
  options: { h?: number; indices?: readonly number[] } = {},
): GradientCheck {
  const h = options.h ?? 1e-2;
  const analytic = tf.tidy(() => tf.grad(f)(x).dataSync() as Float32Array);
  const base = x.dataSync() as Float32Array;
  const indices = options.indices ?? Array.from({ length: base.length }, (_, i) => i);
  let maxError = 0;
  let maxNumeric = 0;
  for (const i of indices) {
    const at = (delta: number) =>
      tf.tidy(() => {
        const shifted = Float32Array.from(base);
        shifted[i] += delta;
        return f(tf.tensor(shifted, x.shape, x.dtype)).dataSync()[0];
      });
    const numeric = (at(h) - at(-h)) / (2 * h);
    maxError = Math.max(maxError, Math.abs(numeric - analytic[i]));
    maxNumeric = Math.max(maxNumeric, Math.abs(numeric));
  }
  return { maxError, maxNumeric, checked: indices.length };
}
