import * as tf from '@tensorflow/tfjs-core';
import { VISION_RMS_NORM_EPS } from '../config/qwen2-5-vl-config';
import { linear } from './linear';
import { rmsNorm } from './rms-norm';
import { applyRotary } from './rotary';
import { segmentAttention } from './segment-attention';
import { swigluMlp } from './swiglu-mlp';
import type { Weights } from './weights';

/**
 * HF `Qwen2_5_VLVisionAttention`: qkv projection reshaped to (N, 3, heads, headDim), rotary on q
 * and k, attention within each segment, output projection.
 */
function visionAttention(w: Weights, x: tf.Tensor2D, prefix: string, cos: tf.Tensor, sin: tf.Tensor, boundaries: readonly number[]): tf.Tensor2D {
  const { numHeads, headDim } = w.config.vision;
  const n = x.shape[0];
  const qkv = tf.reshape(linear(w, x, `${prefix}.qkv`, true), [n, 3, numHeads, headDim]);
  const [q, k, v] = tf.unstack(qkv, 1) as tf.Tensor3D[];
  const context = segmentAttention(applyRotary(q, cos, sin) as tf.Tensor3D, applyRotary(k, cos, sin) as tf.Tensor3D, v, boundaries);
  return linear(w, context, `${prefix}.proj`, true) as tf.Tensor2D;
}

/**
 * HF `Qwen2_5_VLVisionBlock`: x + attn(norm1(x)), then + mlp(norm2(x)); RMSNorm (eps 1e-6) and the
 * gated SiLU MLP with biases. `boundaries`: windows, or whole images at the full-attention blocks.
 */
export function visionBlock(w: Weights, x: tf.Tensor2D, index: number, cos: tf.Tensor, sin: tf.Tensor, boundaries: readonly number[]): tf.Tensor2D {
  const prefix = `visual.blocks.${index}`;
  const attended = tf.add(x, visionAttention(w, rmsNorm(x, w.get(`${prefix}.norm1.weight`), VISION_RMS_NORM_EPS) as tf.Tensor2D, `${prefix}.attn`, cos, sin, boundaries));
  return tf.add(attended, swigluMlp(w, rmsNorm(attended, w.get(`${prefix}.norm2.weight`), VISION_RMS_NORM_EPS), `${prefix}.mlp`, true)) as tf.Tensor2D;
}
