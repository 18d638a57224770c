import * as tf from '@tensorflow/tfjs-core';

/**
 * The global L2 norm of the gradients: sqrt(sum over tensors of sum(g^2)), each tensor's sum of
 * squares in float32, combined in float64 (torch.nn.utils.clip_grad_norm_ takes the norm of the
 * per-tensor norms). One read of all the sums. Non-finite when any gradient value is.
 */
export function globalNorm(gradients: readonly tf.Tensor[]): number {
  if (gradients.length === 0) return 0;
  const squares = tf.tidy(() => tf.stack(gradients.map((g) => tf.sum(tf.square(g)))).dataSync());
  let total = 0;
  for (const s of squares) total += s;
  return Math.sqrt(total);
}

/**
 * The factor clip_grad_norm_ multiplies every gradient by: min(1, maxNorm / (norm + 1e-6))
 * (torch.nn.utils.clip_grad_norm_, torch 1.13-2.x); 1 when clipping is off (maxNorm null).
 */
export function clipCoefficient(norm: number, maxNorm: number | null): number {
  return maxNorm === null ? 1 : Math.min(1, maxNorm / (norm + 1e-6));
}

/**
 * Clips in place of the caller's map: returns gradients scaled by clipCoefficient (new tensors,
 * the inputs disposed) and the norm before clipping, as clip_grad_norm_ returns it.
 */
export function clipGradNorm(gradients: Map<string, tf.Tensor>, maxNorm: number | null): { norm: number; coefficient: number } {
  const norm = globalNorm([...gradients.values()]);
  const coefficient = clipCoefficient(norm, maxNorm);
  if (coefficient !== 1) {
    for (const [name, g] of gradients) {
      gradients.set(name, tf.mul(g, coefficient));
      g.dispose();
    }
  }
  return { norm, coefficient };
}
