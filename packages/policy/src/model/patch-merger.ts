import * as tf from '@tensorflow/tfjs-core';
import { VISION_RMS_NORM_EPS } from '../config/qwen2-5-vl-config';
import { linear } from './linear';
import { rmsNorm } from './rms-norm';
import type { Weights } from './weights';

/** Exact GELU, x * Phi(x) = x/2 (1 + erf(x / sqrt 2)) (PyTorch `nn.GELU()` default). */
export function gelu(x: tf.Tensor): tf.Tensor {
  return tf.mul(tf.mul(x, 0.5), tf.add(tf.erf(tf.mul(x, Math.SQRT1_2)), 1));
}

/**
 * HF `Qwen2_5_VLPatchMerger`: RMSNorm (ln_q, eps 1e-6) of each patch, the 4 patches of a 2x2
 * block concatenated (they are consecutive rows), then Linear - GELU - Linear to the decoder width.
 */
export function patchMerger(w: Weights, x: tf.Tensor2D): tf.Tensor2D {
  const { hiddenSize, spatialMergeSize } = w.config.vision;
  const units = spatialMergeSize ** 2;
  const normed = rmsNorm(x, w.get('visual.merger.ln_q.weight'), VISION_RMS_NORM_EPS);
  const merged = tf.reshape(normed, [x.shape[0] / units, hiddenSize * units]);
  const hidden = gelu(linear(w, merged, 'visual.merger.mlp.0', true));
  return linear(w, hidden, 'visual.merger.mlp.2', true) as tf.Tensor2D;
}
