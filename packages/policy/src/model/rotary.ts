import * as tf from '@tensorflow/tfjs-core';

/** HF `rotate_half`: [x1, x2] -> [-x2, x1] on the last axis (two slices: half the cost of a split on wasm). */
export function rotateHalf(x: tf.Tensor): tf.Tensor {
  const half = x.shape[x.rank - 1] / 2;
  const begin = x.shape.map(() => 0);
  const size = x.shape.map(() => -1);
  size[x.rank - 1] = half;
  const x1 = tf.slice(x, begin, size);
  const x2 = tf.slice(x, [...begin.slice(0, -1), half], size);
  return tf.concat([tf.neg(x2), x1], -1);
}

/**
 * Rotary position embedding: x * cos + rotate_half(x) * sin (HF `apply_rotary_pos_emb_vision`, and
 * `apply_multimodal_rotary_pos_emb` once cos/sin are assembled per M-RoPE section). cos and sin
 * broadcast against x.
 */
export function applyRotary(x: tf.Tensor, cos: tf.Tensor, sin: tf.Tensor): tf.Tensor {
  return tf.add(tf.mul(x, cos), tf.mul(rotateHalf(x), sin));
}
