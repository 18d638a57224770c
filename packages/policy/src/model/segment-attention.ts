import * as tf from '@tensorflow/tfjs-core';
import { matMul, transposeLast } from '../backend/mat-mul';

/** Additive mask value for keys a query must not see (exp of it underflows to exactly 0). */
export const MASKED = -1e9;

/**
 * Multi-head attention of each token with the tokens of its own segment only, segments given by
 * boundaries [0, b1, ..., N] (HF's cu_seqlens in `Qwen2_5_VLVisionAttention`, which runs one
 * attention per segment). q, k, v: [N, heads, headDim]. Segments of equal length are viewed as a
 * batch; unequal ones are gathered into a zero-padded batch with padded keys masked, and the
 * outputs gathered back. Returns [N, heads * headDim].
 */
export function segmentAttention(q: tf.Tensor3D, k: tf.Tensor3D, v: tf.Tensor3D, boundaries: readonly number[]): tf.Tensor2D {
  const [n, heads, headDim] = q.shape;
  const lengths = boundaries.slice(1).map((end, i) => end - boundaries[i]);
  if (boundaries[0] !== 0 || boundaries[boundaries.length - 1] !== n || lengths.some((l) => l <= 0)) {
    throw new RangeError(`segmentAttention: boundaries [${boundaries.join(', ')}] do not split ${n} tokens`);
  }
  const longest = Math.max(...lengths);
  const segments = lengths.length;
  const equal = lengths.every((l) => l === longest);
  // [N, H, D] -> [S, L, H, D] -> [S, H, L, D]
  const layout = equal ? null : paddedLayout(lengths, longest);
  const toBatch = (x: tf.Tensor3D) => {
    const rows = layout ? tf.gather(x, layout.gatherIndex) : x;
    return tf.transpose(tf.reshape(rows, [segments, longest, heads, headDim]), [0, 2, 1, 3]);
  };
  let scores = tf.mul(matMul(toBatch(q), transposeLast(toBatch(k))), 1 / Math.sqrt(headDim));
  if (layout) scores = tf.add(scores, layout.keyMask);
  const context = matMul(tf.softmax(scores), toBatch(v));
  const rows = tf.reshape(tf.transpose(context, [0, 2, 1, 3]), [segments * longest, heads * headDim]);
  return (layout ? tf.gather(rows, layout.scatterIndex) : rows) as tf.Tensor2D;
}

/**
 * Where each padded slot takes its token (padding takes token 0, masked as a key and dropped as a
 * query), where each token lands in the padded batch, and the additive key mask [S, 1, 1, L].
 */
function paddedLayout(lengths: readonly number[], longest: number) {
  const segments = lengths.length;
  const gather = new Int32Array(segments * longest);
  const scatter: number[] = [];
  const mask = new Float32Array(segments * longest);
  let start = 0;
  lengths.forEach((length, s) => {
    for (let i = 0; i < longest; i++) {
      if (i < length) {
        gather[s * longest + i] = start + i;
        scatter.push(s * longest + i);
      } else {
        mask[s * longest + i] = MASKED;
      }
    }
    start += length;
  });
  return {
    gatherIndex: tf.tensor1d(gather, 'int32'),
    scatterIndex: tf.tensor1d(scatter, 'int32'),
    keyMask: tf.tensor4d(mask, [segments, 1, 1, longest]),
  };
}
