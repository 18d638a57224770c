import * as tf from '@tensorflow/tfjs-core';

/**
 * RMSNorm over the last axis (HF `Qwen2RMSNorm`): x / sqrt(mean(x^2) + eps) * weight, in float32.
 */
export function rmsNorm(x: tf.Tensor, weight: tf.Tensor, eps: number): tf.Tensor {
  const meanSquare = tf.mean(tf.square(x), -1, true);
  return tf.mul(tf.mul(x, tf.rsqrt(tf.add(meanSquare, eps))), weight);
}
